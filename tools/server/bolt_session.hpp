// One Bolt connection's conversation, without the socket: messages in,
// response messages out, and the state machine of the Bolt 5 spec
// (neo4j.com/docs/bolt/current/bolt/server-state/). Kept apart from
// networking so that it can be tested message by message.
//
// Transactions: BEGIN opens an ergo::Transaction (read-only when BEGIN
// says mode "r"), RUNs inside it see its changes, COMMIT makes them durable
// and visible, ROLLBACK, RESET, GOODBYE, a failed statement or the end of the
// session undo them. A Transaction belongs to the thread that began it, so
// while one is open every call on this session must come from that thread:
// BoltConnection gives the connection a thread of its own for it
// (bound_thread.hpp). Auto-commit RUNs may run on any thread.
#pragma once

#include <ergo/ergo.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "tools/server/auth_file.hpp"
#include "tools/server/bolt_handshake.hpp"
#include "tools/server/packstream.hpp"

namespace ergo::server {

struct SessionContext {
  std::string connection_id;       // "bolt-3": in HELLO's answer and the log
  std::string advertised_address;  // host:port that ROUTE hands out
  std::string server_agent;        // "ergo/0.1.0"
  // Writes one line to the log (no newline); may be called from any thread.
  std::function<void(const std::string&)> log;
  // The users and tokens that may connect; null: anyone may (loopback only).
  const AuthFile* auth = nullptr;
};

class BoltSession {
 public:
  // RECORD messages produced per call of handle()/continue_pull(), so that
  // a large PULL goes out in slices and never sits encoded whole in memory.
  static constexpr std::size_t kRecordsPerSlice = 1000;

  BoltSession(ergo::Database& db, BoltVersion version, SessionContext context);

  // Handles one message (the bytes of one dechunked message), appending
  // the response messages to `responses`. Never throws: malformed input
  // becomes a FAILURE and closes the session.
  void handle(std::string_view message, std::vector<std::string>& responses);
  // Answers input that never became a message (a frame over the size
  // limit) with a FAILURE, and closes the session.
  void reject(const std::string& why, std::vector<std::string>& responses);
  // True while a PULL has records left to send: call continue_pull().
  bool pulling() const { return pull_.active; }
  void continue_pull(std::vector<std::string>& responses);
  // True after GOODBYE or an error that ends the connection: close it.
  bool closed() const { return state_ == State::defunct; }

  // True from a BEGIN that opened a transaction to its COMMIT/ROLLBACK (or
  // the failure that rolled it back).
  bool in_transaction() const { return transaction_.open(); }
  // True when `message` (one dechunked message) is a BEGIN.
  static bool is_begin(std::string_view message);
  // The transaction was idle too long: rolls it back now; the next message
  // of the transaction gets a FAILURE saying so.
  void expire_transaction(const std::string& why);

  std::size_t queries() const { return queries_; }
  std::size_t failed_queries() const { return failed_; }

 private:
  enum class State { negotiation, authentication, ready, streaming, tx_ready, tx_streaming, failed, defunct };
  struct OpenResult {
    ergo::Result result;
    std::size_t next = 0;  // the next row to send
    std::int64_t qid = -1;
  };
  struct Pull {
    bool active = false;
    bool discard = false;
    std::size_t result = 0;        // index into open_
    std::int64_t remaining = -1;   // -1: all
  };

  void dispatch(const packstream::PackStruct& message, std::vector<std::string>& out);
  void hello(const packstream::PackStruct& m, std::vector<std::string>& out);
  // Checks an auth token (HELLO's in 5.0, LOGON's after) against the auth
  // file; on failure answers FAILURE and closes the session.
  bool authenticate(const packstream::PackValue& token, std::vector<std::string>& out);
  void run(const packstream::PackStruct& m, std::vector<std::string>& out);
  void begin(const packstream::PackStruct& m, std::vector<std::string>& out);
  void pull(const packstream::PackStruct& m, bool discard, std::vector<std::string>& out);
  void route(const packstream::PackStruct& m, std::vector<std::string>& out);
  void end_transaction(bool commit, std::vector<std::string>& out);
  void step(std::vector<std::string>& out);
  void finish_result(std::vector<std::string>& out);
  void reset();

  // Responses. fail() also moves to FAILED (or, with `fatal`, closes).
  void success(std::vector<std::string>& out, const packstream::PackValue& metadata);
  void fail(std::vector<std::string>& out, const std::string& code, const std::string& message, bool fatal = false);
  void ignored(std::vector<std::string>& out);
  bool check_database(const packstream::PackValue* extra, std::vector<std::string>& out);

  ergo::Database& db_;
  BoltVersion version_;
  SessionContext context_;
  State state_ = State::negotiation;
  std::vector<OpenResult> open_;
  Pull pull_;
  std::int64_t next_qid_ = 0;
  ergo::Transaction transaction_;
  std::string expired_;  // why the open transaction was rolled back unasked
  std::string last_bookmark_;
  std::size_t queries_ = 0;
  std::size_t failed_ = 0;
};

}  // namespace ergo::server
