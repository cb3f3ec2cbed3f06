// One Bolt client on a socket: the handshake, then messages read, handled
// by a BoltSession and answered, one step at a time. The socket's work (read,
// write, the idle timer) runs on the I/O threads, on the connection's strand;
// the session's work (queries) runs elsewhere, so that an I/O thread never
// waits for the database: on the query pool, or on the connection's own
// thread while it has a transaction open (bound_thread.hpp). Only one step is
// in flight at a time, so the session is never used by two threads at once.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tools/server/bolt_framing.hpp"
#include "tools/server/bound_thread.hpp"
#include "tools/server/tls_stream.hpp"
#include "tools/server/bolt_session.hpp"

namespace ergo::server {

struct ConnectionSettings {
  std::string server_agent;
  std::size_t max_message_bytes = 16u << 20;
  std::function<void(const std::string&)> log;
  boost::asio::thread_pool* queries = nullptr;  // runs auto-commit statements
  const AuthFile* auth = nullptr;               // who may connect; null: anyone
  std::shared_ptr<boost::asio::ssl::context> tls;  // --tls-cert; null: plain TCP
  // A transaction left idle longer (no message from its client) is rolled
  // back: it holds the database's lock. 0: no limit.
  std::chrono::milliseconds transaction_timeout{0};
  // A connection that sends nothing for this long, or does not read what it
  // is sent, is closed (the handshake gets at most 10 s). 0: no limit.
  std::chrono::milliseconds idle_timeout{0};
};

class BoltConnection : public std::enable_shared_from_this<BoltConnection> {
 public:
  BoltConnection(boost::asio::ip::tcp::socket socket, ergo::Database& db, const ConnectionSettings& settings,
                 std::uint64_t id);
  // `slot` is kept while the connection lives (the server's count of open
  // connections, see serve.cpp).
  void hold(std::shared_ptr<void> slot) { slot_ = std::move(slot); }
  void start();
  // The server is stopping: rolls back the open transaction, if any, on the
  // thread that holds it. Call after the I/O threads have stopped.
  void abandon();
  // Returns once the connection's own thread, if it has one, has run every
  // job posted to it (abandon()'s rollback included): the database may go.
  void wait_until_idle();
  // Closes the socket and logs the connection's line (once; later calls do
  // nothing). From the connection's own handlers, or once nothing runs.
  void close(const std::string& why);
  ~BoltConnection();

 private:
  void read_bolt_handshake();
  void on_handshake(const boost::system::error_code& ec);
  void read_manifest_choice();
  void read_capabilities(BoltVersion version, std::size_t bytes_read);
  void start_session(BoltVersion version);
  void read_more();
  void process();
  void work();
  void after_work(std::vector<std::string> responses);
  enum class Waiting { handshake, message, transaction_message, write };
  void arm_timer(Waiting waiting);
  void write(std::vector<std::string> responses);

  TlsStream stream_;
  ergo::Database& db_;
  const ConnectionSettings& settings_;
  std::string name_;  // "bolt-3"
  std::string peer_;
  std::chrono::steady_clock::time_point opened_ = std::chrono::steady_clock::now();
  std::array<char, kHandshakeSize> handshake_{};
  std::array<char, 64 * 1024> input_{};
  std::string output_;
  Dechunker dechunker_;
  std::optional<BoltSession> session_;
  std::optional<std::string> pending_;  // the next message, read but not handled yet
  std::unique_ptr<BoundThread> bound_;  // while a transaction is open
  boost::asio::steady_timer idle_;
  bool closed_ = false;
  std::shared_ptr<void> slot_;
};

}  // namespace ergo::server
