#include "tools/server/bolt_session.hpp"

#include <atomic>
#include <chrono>
#include <utility>

#include "tools/server/bolt_values.hpp"
#include "tools/server/status_codes.hpp"

namespace ergo::server {

using packstream::PackList;
using packstream::PackMap;
using packstream::PackStruct;
using packstream::PackValue;
using packstream::Packer;

namespace {

// Message tags (neo4j.com/docs/bolt/current/bolt/message/).
enum : std::uint8_t {
  HELLO = 0x01, GOODBYE = 0x02, RESET = 0x0F, RUN = 0x10, BEGIN = 0x11, COMMIT = 0x12, ROLLBACK = 0x13,
  DISCARD = 0x2F, PULL = 0x3F, TELEMETRY = 0x54, ROUTE = 0x66, LOGON = 0x6A, LOGOFF = 0x6B,
  SUCCESS = 0x70, RECORD = 0x71, IGNORED = 0x7E, FAILURE = 0x7F,
};

// The one database a server holds, by the name drivers use by default.
constexpr const char* kDatabaseName = "neo4j";
constexpr const char* kInvalid = "Neo.ClientError.Request.Invalid";

PackValue str(std::string s) { return PackValue{std::move(s)}; }
PackValue integer(std::int64_t i) { return PackValue{i}; }

// Bookmarks are process-wide and increasing; ergo applies every write
// before answering, so any bookmark a client holds is already satisfied.
std::string next_bookmark() {
  static std::atomic<std::uint64_t> counter{0};
  return "ergo:" + std::to_string(++counter);
}

std::int64_t millis_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
}

const char* message_name(std::uint8_t tag) {
  switch (tag) {
    case HELLO: return "HELLO";
    case GOODBYE: return "GOODBYE";
    case RESET: return "RESET";
    case RUN: return "RUN";
    case BEGIN: return "BEGIN";
    case COMMIT: return "COMMIT";
    case ROLLBACK: return "ROLLBACK";
    case DISCARD: return "DISCARD";
    case PULL: return "PULL";
    case TELEMETRY: return "TELEMETRY";
    case ROUTE: return "ROUTE";
    case LOGON: return "LOGON";
    case LOGOFF: return "LOGOFF";
    default: return nullptr;
  }
}

// A malformed message: its fields are not what the spec says.
struct InvalidMessage {
  std::string why;
};

const PackValue& field(const PackStruct& m, std::size_t i) {
  if (i >= m.fields.size()) {
    throw InvalidMessage{std::string(message_name(m.tag)) + " has " + std::to_string(m.fields.size()) +
                         " fields, expected at least " + std::to_string(i + 1)};
  }
  return m.fields[i];
}

const PackMap& map_field(const PackStruct& m, std::size_t i) {
  const PackMap* map = field(m, i).get_if<PackMap>();
  if (!map) throw InvalidMessage{std::string(message_name(m.tag)) + " field " + std::to_string(i + 1) + " is not a map"};
  return *map;
}

// An integer entry of a map field such as PULL's {n, qid}, or `fallback`.
std::int64_t int_entry(const PackValue& map, std::string_view key, std::int64_t fallback) {
  const PackValue* v = map.find(key);
  if (!v || v->is_null()) return fallback;
  const std::int64_t* i = v->get_if<std::int64_t>();
  if (!i) throw InvalidMessage{"'" + std::string(key) + "' is not an integer"};
  return *i;
}

}  // namespace

BoltSession::BoltSession(ergo::Database& db, BoltVersion version, SessionContext context)
    : db_(db), version_(version), context_(std::move(context)) {}

void BoltSession::success(std::vector<std::string>& out, const PackValue& metadata) {
  Packer p;
  p.pack_struct_header(SUCCESS, 1);
  p.pack(metadata);
  out.push_back(p.take());
}

void BoltSession::ignored(std::vector<std::string>& out) {
  Packer p;
  p.pack_struct_header(IGNORED, 0);
  out.push_back(p.take());
}

void BoltSession::fail(std::vector<std::string>& out, const std::string& code, const std::string& message, bool fatal) {
  Packer p;
  p.pack_struct_header(FAILURE, 1);
  p.pack(PackValue{PackMap{{"code", str(code)}, {"message", str(message)}}});
  out.push_back(p.take());
  open_.clear();
  pull_ = {};
  state_ = fatal ? State::defunct : State::failed;
  // A failure inside a transaction fails it (Neo4j does the same): a
  // statement that failed has already rolled it back; anything else does now.
  transaction_ = ergo::Transaction();
}

void BoltSession::reset() {
  open_.clear();
  pull_ = {};
  state_ = State::ready;
  transaction_ = ergo::Transaction();  // rolls back what is not committed
  expired_.clear();
}

bool BoltSession::is_begin(std::string_view message) {
  // A message is a structure: marker 0xB0 | field count, then the tag.
  return message.size() >= 2 && (static_cast<std::uint8_t>(message[0]) & 0xF0) == 0xB0 &&
         static_cast<std::uint8_t>(message[1]) == BEGIN;
}

void BoltSession::expire_transaction(const std::string& why) {
  if (!transaction_.open()) return;
  transaction_ = ergo::Transaction();
  expired_ = why;
  if (context_.log) context_.log(context_.connection_id + ": transaction rolled back: " + why);
}

void BoltSession::reject(const std::string& why, std::vector<std::string>& out) {
  if (state_ != State::defunct) fail(out, kInvalid, why, true);
}

void BoltSession::handle(std::string_view message, std::vector<std::string>& out) {
  if (state_ == State::defunct) return;
  PackValue decoded;
  try {
    decoded = packstream::unpack_one(message);
  } catch (const packstream::Error& e) {
    fail(out, kInvalid, e.what(), true);
    return;
  }
  const PackStruct* m = decoded.get_if<PackStruct>();
  if (!m) {
    fail(out, kInvalid, "a Bolt message is a PackStream structure; this is another value", true);
    return;
  }
  if (!message_name(m->tag)) {
    static const char* hex = "0123456789ABCDEF";
    fail(out, kInvalid, std::string("unknown message tag 0x") + hex[m->tag >> 4] + hex[m->tag & 15], true);
    return;
  }
  try {
    dispatch(*m, out);
  } catch (const InvalidMessage& e) {
    fail(out, kInvalid, "invalid " + std::string(message_name(m->tag)) + " message: " + e.why, true);
  }
}

void BoltSession::dispatch(const PackStruct& m, std::vector<std::string>& out) {
  const auto not_allowed = [&](const char* where) {
    fail(out, kInvalid, std::string(message_name(m.tag)) + " is not allowed " + where,
         state_ == State::negotiation || state_ == State::authentication);
  };
  if (m.tag == GOODBYE) {
    open_.clear();
    pull_ = {};
    state_ = State::defunct;
    transaction_ = ergo::Transaction();
    return;
  }
  if (!expired_.empty() && m.tag != RESET && m.tag != ROLLBACK && (state_ == State::tx_ready || state_ == State::tx_streaming)) {
    const std::string why = std::move(expired_);
    expired_.clear();
    return fail(out, "Neo.ClientError.Transaction.TransactionTimedOut",
                "the transaction was rolled back: " + why +
                    "; begin a new one (and keep statements of one transaction close together), or raise "
                    "--transaction-timeout");
  }
  if (state_ == State::failed) {  // everything but RESET is ignored until the client resets
    if (m.tag == RESET) {
      reset();
      success(out, PackValue{PackMap{}});
    } else {
      ignored(out);
    }
    return;
  }
  switch (state_) {
    case State::negotiation:
      if (m.tag != HELLO) return not_allowed("before HELLO");
      return hello(m, out);
    case State::authentication:
      if (m.tag != LOGON) return not_allowed("before LOGON");
      map_field(m, 0);
      if (!authenticate(m.fields[0], out)) return;
      state_ = State::ready;
      return success(out, PackValue{PackMap{}});
    default: break;
  }
  switch (m.tag) {
    case RESET:
      reset();
      return success(out, PackValue{PackMap{}});
    case LOGOFF:
      if (state_ != State::ready) return not_allowed("inside a transaction or while streaming");
      state_ = State::authentication;
      return success(out, PackValue{PackMap{}});
    case TELEMETRY:
      if (state_ != State::ready) return not_allowed("inside a transaction or while streaming");
      return success(out, PackValue{PackMap{}});
    case ROUTE:
      if (state_ != State::ready) return not_allowed("inside a transaction or while streaming");
      return route(m, out);
    case RUN:
      if (state_ == State::streaming) return not_allowed("while a result is streaming; PULL or DISCARD it first");
      return run(m, out);
    case BEGIN:
      if (state_ != State::ready) return not_allowed("inside a transaction or while streaming");
      return begin(m, out);
    case COMMIT:
    case ROLLBACK:
      if (state_ != State::tx_ready && state_ != State::tx_streaming) return not_allowed("outside a transaction");
      return end_transaction(m.tag == COMMIT, out);
    case PULL:
    case DISCARD:
      if (state_ != State::streaming && state_ != State::tx_streaming) return not_allowed("without a result");
      return pull(m, m.tag == DISCARD, out);
    case HELLO:
    case LOGON: return not_allowed("twice");
    default: return not_allowed("here");
  }
}

void BoltSession::hello(const PackStruct& m, std::vector<std::string>& out) {
  map_field(m, 0);  // user_agent, bolt_agent, routing: nothing to act on but 5.0's auth token
  // Bolt 5.0 carries the auth token in HELLO; 5.1 and later send LOGON next.
  if (version_.minor == 0 && !authenticate(m.fields[0], out)) return;
  state_ = version_.minor == 0 ? State::ready : State::authentication;
  PackMap hints{{"telemetry.enabled", PackValue{true}}};
  success(out, PackValue{PackMap{{"server", str(context_.server_agent)},
                                 {"connection_id", str(context_.connection_id)},
                                 {"hints", PackValue{std::move(hints)}}}});
}

bool BoltSession::authenticate(const PackValue& token, std::vector<std::string>& out) {
  if (!context_.auth) return true;  // no auth file: loopback only, any token (docs/server.md, Security)
  const auto text = [&](std::string_view key) {
    const PackValue* v = token.find(key);
    const std::string* s = v ? v->get_if<std::string>() : nullptr;
    return s ? *s : std::string();
  };
  const std::string scheme = text("scheme");
  if (scheme == "basic" && context_.auth->check_password(text("principal"), text("credentials"))) return true;
  if (scheme == "bearer" && context_.auth->check_token(text("credentials"))) return true;
  if (context_.log) {
    context_.log(context_.connection_id + ": authentication failed" +
                 (scheme == "basic" ? " for user '" + text("principal") + "'"
                                    : " (scheme '" + scheme + "')"));
  }
  // Neo4j's words; which part was wrong is not told to the client.
  fail(out, "Neo.ClientError.Security.Unauthorized",
       "The client is unauthorized due to authentication failure. This server checks user names and passwords "
       "(scheme basic) or tokens (scheme bearer) against its --auth-file.",
       true);
  return false;
}

bool BoltSession::check_database(const PackValue* extra, std::vector<std::string>& out) {
  const PackValue* db = extra ? extra->find("db") : nullptr;
  if (!db || db->is_null()) return true;
  const std::string* name = db->get_if<std::string>();
  if (name && *name == kDatabaseName) return true;
  fail(out, "Neo.ClientError.Database.DatabaseNotFound",
       "ergo serves one database, '" + std::string(kDatabaseName) + "'; there is no database " +
           (name ? "'" + *name + "'" : std::string("of that name")));
  return false;
}

void BoltSession::begin(const PackStruct& m, std::vector<std::string>& out) {
  map_field(m, 0);
  if (!check_database(&m.fields[0], out)) return;
  // Drivers send mode "r" for read transactions (executeRead()); "w" or
  // nothing means write.
  const PackValue* mode = m.fields[0].find("mode");
  const std::string* mode_text = mode ? mode->get_if<std::string>() : nullptr;
  const bool read_only = mode_text && *mode_text == "r";
  try {
    transaction_ = db_.begin(read_only ? ergo::TransactionMode::read_only : ergo::TransactionMode::read_write);
  } catch (const ergo::Error& e) {
    return fail(out, neo4j_status_code(e), failure_message(e));
  }
  next_qid_ = 0;
  expired_.clear();
  state_ = State::tx_ready;
  success(out, PackValue{PackMap{}});
}

void BoltSession::run(const PackStruct& m, std::vector<std::string>& out) {
  const std::string* query = field(m, 0).get_if<std::string>();
  if (!query) throw InvalidMessage{"the query is not a string"};
  const PackMap& wire_params = map_field(m, 1);
  const bool in_tx = state_ == State::tx_ready || state_ == State::tx_streaming;
  if (m.fields.size() > 2) {
    if (!m.fields[2].get_if<PackMap>()) throw InvalidMessage{"field 3 is not a map"};
    if (!in_tx && !check_database(&m.fields[2], out)) return;
  }
  ++queries_;
  const auto report = [&](const std::string& code, const std::string& message) {
    ++failed_;
    std::string first_line = message.substr(0, message.find('\n'));
    if (context_.log) context_.log(context_.connection_id + ": query failed: " + code + ": " + first_line);
    fail(out, code, message);
  };
  const auto start = std::chrono::steady_clock::now();
  try {
    ergo::Params params;
    for (const auto& [name, value] : wire_params) params[name] = to_ergo_value(value, name);
    OpenResult opened{in_tx ? transaction_.execute(*query, params) : db_.execute(*query, params), 0,
                      in_tx ? next_qid_++ : -1};
    PackList fields;
    for (const std::string& c : opened.result.columns()) fields.push_back(str(c));
    PackMap metadata{{"fields", PackValue{std::move(fields)}}, {"t_first", integer(millis_since(start))}};
    if (in_tx) metadata.emplace_back("qid", integer(opened.qid));
    open_.push_back(std::move(opened));
    state_ = in_tx ? State::tx_streaming : State::streaming;
    success(out, PackValue{std::move(metadata)});
  } catch (const ergo::Error& e) {
    report(neo4j_status_code(e), failure_message(e));
  } catch (const std::exception& e) {
    report("Neo.DatabaseError.General.UnknownError", e.what());
  }
}

void BoltSession::pull(const PackStruct& m, bool discard, std::vector<std::string>& out) {
  map_field(m, 0);
  const std::int64_t n = int_entry(m.fields[0], "n", -1);
  const std::int64_t qid = int_entry(m.fields[0], "qid", -1);
  if (n == 0 || n < -1) throw InvalidMessage{"'n' must be -1 (all) or positive, not " + std::to_string(n)};
  std::size_t index = open_.size() - 1;  // qid -1: the last statement run
  if (qid != -1) {
    index = open_.size();
    for (std::size_t i = 0; i < open_.size(); ++i) {
      if (open_[i].qid == qid) index = i;
    }
    if (index == open_.size()) {
      return fail(out, kInvalid, "no open result has qid " + std::to_string(qid));
    }
  }
  pull_ = Pull{true, discard, index, n};
  step(out);
}

void BoltSession::continue_pull(std::vector<std::string>& out) {
  if (pull_.active) step(out);
}

// Sends up to kRecordsPerSlice records of the current PULL (or skips rows
// for DISCARD), then the SUCCESS that ends it when it is done.
void BoltSession::step(std::vector<std::string>& out) {
  OpenResult& r = open_[pull_.result];
  const std::size_t rows = r.result.size();
  std::size_t budget = kRecordsPerSlice;
  try {
    while (r.next < rows && pull_.remaining != 0 && (pull_.discard || budget > 0)) {
      if (!pull_.discard) {
        Packer p;
        p.pack_struct_header(RECORD, 1);
        const ergo::Row row = r.result.at(r.next);
        p.pack_list_header(row.size());
        for (const ergo::Value& v : row) pack_value(p, v, r.result);
        out.push_back(p.take());
        --budget;
      }
      ++r.next;
      if (pull_.remaining > 0) --pull_.remaining;
    }
  } catch (const ergo::Error& e) {
    return fail(out, neo4j_status_code(e), failure_message(e));
  }
  if (r.next == rows) return finish_result(out);
  if (pull_.remaining == 0) {
    pull_ = {};
    return success(out, PackValue{PackMap{{"has_more", PackValue{true}}}});
  }
  // More to send: the connection calls continue_pull() once this slice is written.
}

namespace {

// A PROFILE's plan as Neo4j's drivers read the summary's `profile`: per
// operator its type, arguments, identifiers, children and counts. ergo has
// no page cache and counts no database hits, so those are 0; `time` is the
// operator's own time in nanoseconds.
PackValue profile_value(const ergo::ProfiledOperator& op) {
  PackList children;
  for (const ergo::ProfiledOperator& child : op.children) children.push_back(profile_value(child));
  const auto rows = integer(static_cast<std::int64_t>(op.rows));
  const auto time = integer(static_cast<std::int64_t>(op.nanoseconds));
  PackMap args{{"Details", str(op.details)}, {"Rows", rows}, {"Time", time}};
  return PackValue{PackMap{{"operatorType", str(op.name)},
                           {"args", PackValue{std::move(args)}},
                           {"identifiers", PackValue{PackList{}}},
                           {"children", PackValue{std::move(children)}},
                           {"dbHits", integer(0)},
                           {"rows", rows},
                           {"time", time},
                           {"pageCacheHits", integer(0)},
                           {"pageCacheMisses", integer(0)},
                           {"pageCacheHitRatio", PackValue{0.0}}}};
}

}  // namespace

void BoltSession::finish_result(std::vector<std::string>& out) {
  const bool in_tx = state_ == State::tx_streaming;
  const ergo::QueryStats& stats = open_[pull_.result].result.stats();
  PackMap metadata{{"t_last", integer(0)}, {"type", str(stats.contains_updates() ? "w" : "r")},
                   {"db", str(kDatabaseName)}};
  if (stats.contains_updates()) {
    // As Neo4j sends them: the counters that are not zero, then
    // contains-updates (the drivers' summary.counters read these keys).
    PackMap counts;
    const auto count = [&](const char* key, std::size_t n) {
      if (n) counts.emplace_back(key, integer(static_cast<std::int64_t>(n)));
    };
    count("nodes-created", stats.nodes_created);
    count("nodes-deleted", stats.nodes_deleted);
    count("relationships-created", stats.relationships_created);
    count("relationships-deleted", stats.relationships_deleted);
    count("properties-set", stats.properties_set);
    count("labels-added", stats.labels_added);
    count("labels-removed", stats.labels_removed);
    counts.emplace_back("contains-updates", PackValue{true});
    metadata.emplace_back("stats", PackValue{std::move(counts)});
  }
  if (const auto& plan = open_[pull_.result].result.profiled_plan()) metadata.emplace_back("profile", profile_value(*plan));
  if (!in_tx) {
    last_bookmark_ = next_bookmark();
    metadata.emplace_back("bookmark", str(last_bookmark_));
  }
  open_.erase(open_.begin() + static_cast<std::ptrdiff_t>(pull_.result));
  pull_ = {};
  if (open_.empty()) state_ = in_tx ? State::tx_ready : State::ready;
  success(out, PackValue{std::move(metadata)});
}

void BoltSession::end_transaction(bool commit, std::vector<std::string>& out) {
  // Results not pulled yet are dropped with the transaction, as in Neo4j.
  open_.clear();
  pull_ = {};
  if (!commit) {
    if (transaction_.open()) transaction_.rollback();
    expired_.clear();  // rolled back already, as asked
    state_ = State::ready;
    return success(out, PackValue{PackMap{}});
  }
  try {
    transaction_.commit();  // durable here when the database is on disk
  } catch (const ergo::Error& e) {
    ++failed_;
    if (context_.log) context_.log(context_.connection_id + ": commit failed: " + e.message());
    return fail(out, neo4j_status_code(e), failure_message(e));
  }
  state_ = State::ready;
  last_bookmark_ = next_bookmark();
  success(out, PackValue{PackMap{{"bookmark", str(last_bookmark_)}}});
}

void BoltSession::route(const PackStruct& m, std::vector<std::string>& out) {
  map_field(m, 0);  // the routing context (the neo4j:// URI's query): one server needs none
  if (m.fields.size() > 2 && !check_database(&m.fields[2], out)) return;
  PackList addresses{str(context_.advertised_address)};
  PackList servers;
  for (const char* role : {"WRITE", "READ", "ROUTE"}) {
    servers.push_back(PackValue{PackMap{{"addresses", PackValue{addresses}}, {"role", str(role)}}});
  }
  success(out, PackValue{PackMap{{"rt", PackValue{PackMap{{"ttl", integer(300)},
                                                          {"db", str(kDatabaseName)},
                                                          {"servers", PackValue{std::move(servers)}}}}}}});
}

}  // namespace ergo::server
