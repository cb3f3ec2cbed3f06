#include "tools/server/bolt_connection.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include "tools/server/bolt_handshake.hpp"
#include "tools/server/listen_address.hpp"

namespace ergo::server {

namespace asio = boost::asio;

namespace {
// Responses gathered before they are written: pipelined messages share a
// write, and a big answer goes out in pieces of about this size.
constexpr std::size_t kWriteBatchBytes = 256 * 1024;
}  // namespace

BoltConnection::BoltConnection(asio::ip::tcp::socket socket, ergo::Database& db, const ConnectionSettings& settings,
                               std::uint64_t id)
    : stream_(std::move(socket), settings.tls),
      db_(db),
      settings_(settings),
      name_("bolt-" + std::to_string(id)),
      dechunker_(settings.max_message_bytes),
      idle_(stream_.get_executor()) {
  boost::system::error_code ec;
  auto remote = stream_.socket().remote_endpoint(ec);
  peer_ = ec ? "?" : endpoint_text(remote);
}

BoltConnection::~BoltConnection() {
  // Still open only when the server stops under it: every connection gets
  // its closing log line all the same.
  if (!closed_) close("the server stopped");
  // The session's transaction must end on the thread that began it.
  if (bound_) bound_->run_and_wait([this] { session_.reset(); });
}

void BoltConnection::abandon() {
  if (bound_) bound_->post([self = shared_from_this()] { self->session_->expire_transaction("the server is stopping"); });
}

void BoltConnection::wait_until_idle() {
  if (bound_) bound_->run_and_wait([] {});
}

void BoltConnection::start() {
  arm_timer(Waiting::handshake);
  stream_.async_handshake([self = shared_from_this()](const boost::system::error_code& ec) {
    if (ec) return self->close("TLS handshake failed: " + ec.message());
    self->read_bolt_handshake();
  });
}

void BoltConnection::read_bolt_handshake() {
  asio::async_read(stream_, asio::buffer(handshake_),
                   [self = shared_from_this()](const boost::system::error_code& ec, std::size_t) {
                     self->on_handshake(ec);
                   });
}

void BoltConnection::on_handshake(const boost::system::error_code& ec) {
  if (ec) return close("closed before the handshake");
  const std::string_view bytes(handshake_.data(), handshake_.size());
  if (!is_bolt_magic(bytes.substr(0, 4))) return close("not a Bolt client (no Bolt preamble)");
  const std::string_view proposals = bytes.substr(4);
  if (wants_manifest(proposals)) {
    output_ = manifest_offer();
    asio::async_write(stream_, asio::buffer(output_), [self = shared_from_this()](const boost::system::error_code& wec,
                                                                                std::size_t) {
      if (wec) return self->close("write failed: " + wec.message());
      self->read_manifest_choice();
    });
    return;
  }
  const std::optional<BoltVersion> version = negotiate(proposals);
  const std::array<char, 4> answer = handshake_answer(version);
  output_.assign(answer.data(), answer.size());
  asio::async_write(stream_, asio::buffer(output_),
                    [self = shared_from_this(), version](const boost::system::error_code& wec, std::size_t) {
                      if (wec) return self->close("write failed: " + wec.message());
                      if (!version) return self->close("no Bolt version in common (ergo speaks 5.0 to 5.4)");
                      self->start_session(*version);
                    });
}

// After the manifest: the version the client chose (4 bytes), then its
// capabilities (a varint, read a byte at a time; ergo offered none).
void BoltConnection::read_manifest_choice() {
  asio::async_read(stream_, asio::buffer(handshake_.data(), 4),
                   [self = shared_from_this()](const boost::system::error_code& ec, std::size_t) {
                     if (ec) return self->close("closed during the handshake");
                     const std::optional<BoltVersion> version =
                         manifest_choice(std::string_view(self->handshake_.data(), 4));
                     if (!version) return self->close("the client chose no version of the manifest (ergo speaks 5.0 to 5.4)");
                     self->read_capabilities(*version, 0);
                   });
}

void BoltConnection::read_capabilities(BoltVersion version, std::size_t bytes_read) {
  asio::async_read(stream_, asio::buffer(handshake_.data(), 1),
                   [self = shared_from_this(), version, bytes_read](const boost::system::error_code& ec, std::size_t) {
                     if (ec) return self->close("closed during the handshake");
                     if ((static_cast<std::uint8_t>(self->handshake_[0]) & 0x80) == 0) return self->start_session(version);
                     if (bytes_read + 1 >= kMaxVarintBytes) return self->close("the client's capabilities run on too long");
                     self->read_capabilities(version, bytes_read + 1);
                   });
}

void BoltConnection::start_session(BoltVersion version) {
  boost::system::error_code local_ec;
  auto local = stream_.socket().local_endpoint(local_ec);
  SessionContext context{name_, local_ec ? "127.0.0.1:7687" : endpoint_text(local), settings_.server_agent,
                         settings_.log, settings_.auth};
  session_.emplace(db_, version, std::move(context));
  read_more();  // its timer replaces the handshake's
}

void BoltConnection::read_more() {
  arm_timer(session_ && session_->in_transaction() ? Waiting::transaction_message : Waiting::message);
  stream_.async_read_some(asio::buffer(input_), [self = shared_from_this()](const boost::system::error_code& ec,
                                                                           std::size_t n) {
    self->idle_.cancel();
    if (ec) return self->close(ec == asio::error::eof ? "" : "read failed: " + ec.message());
    self->dechunker_.feed(std::string_view(self->input_.data(), n));
    self->process();
  });
}

namespace {

// A limit said in seconds, without trailing zeros: "60", "0.3".
std::string seconds_text(std::chrono::milliseconds limit) {
  std::string seconds = std::to_string(limit.count());
  seconds.insert(0, seconds.size() < 4 ? 4 - seconds.size() : 0, '0');
  seconds.insert(seconds.size() - 3, ".");
  while (seconds.back() == '0') seconds.pop_back();
  if (seconds.back() == '.') seconds.pop_back();
  return seconds;
}

// The TLS and Bolt handshakes take a round trip or two; a client that has
// not finished them by then is not a Bolt client, or is a slow attack.
constexpr std::chrono::milliseconds kHandshakeLimit{10'000};

}  // namespace

// One timer per connection, for whatever it waits for: the handshake, the
// next message, the next message of an open transaction (which holds the
// database's lock: past the limit it is rolled back, and the transaction's
// next message hears why), or a client to read what was written to it.
void BoltConnection::arm_timer(Waiting waiting) {
  std::chrono::milliseconds limit =
      waiting == Waiting::transaction_message ? settings_.transaction_timeout : settings_.idle_timeout;
  if (waiting == Waiting::handshake) limit = limit.count() > 0 ? std::min(limit, kHandshakeLimit) : kHandshakeLimit;
  if (limit.count() <= 0) return;
  idle_.expires_after(limit);
  idle_.async_wait([self = shared_from_this(), waiting, limit](const boost::system::error_code& ec) {
    if (ec) return;  // cancelled: what it waited for came
    const std::string seconds = seconds_text(limit);
    switch (waiting) {
      case Waiting::transaction_message:
        if (self->bound_) {
          std::string why = "it was idle for " + seconds + " s (--transaction-timeout)";
          self->bound_->post([self, why] { self->session_->expire_transaction(why); });
        }
        return self->arm_timer(Waiting::message);  // the connection may still idle out
      case Waiting::handshake: return self->close("no handshake within " + seconds + " s");
      case Waiting::message: return self->close("idle for " + seconds + " s (--idle-timeout)");
      case Waiting::write: return self->close("did not read its answers for " + seconds + " s (--idle-timeout)");
    }
  });
}

// Hands the session's next step to the thread that may run it: the
// connection's own while a transaction is open (or about to be), else the
// query pool.
void BoltConnection::process() {
  auto job = [self = shared_from_this()] { self->work(); };
  if (bound_) return bound_->post(std::move(job));
  asio::post(*settings_.queries, std::move(job));
}

// Handles the complete messages received so far (off the I/O threads), then
// goes back to the strand with what they answer.
void BoltConnection::work() {
  std::vector<std::string> responses;
  std::size_t bytes = 0;
  try {
    for (;;) {
      if (session_->closed()) break;
      if (session_->pulling()) {
        session_->continue_pull(responses);
        break;  // a slice of records: write it before the next
      }
      if (!pending_) pending_ = dechunker_.next();
      if (!pending_) break;
      if (!bound_ && BoltSession::is_begin(*pending_)) break;  // a transaction: to a thread of its own
      session_->handle(*pending_, responses);
      pending_.reset();
      for (const std::string& r : responses) bytes += r.size();
      if (session_->pulling() || bytes > kWriteBatchBytes) break;
    }
  } catch (const FramingError& e) {
    session_->reject(e.what(), responses);
  }
  asio::post(stream_.get_executor(), [self = shared_from_this(), responses = std::move(responses)]() mutable {
    self->after_work(std::move(responses));
  });
}

void BoltConnection::after_work(std::vector<std::string> responses) {
  const bool begin_next = pending_ && BoltSession::is_begin(*pending_);
  if (bound_ && !session_->in_transaction() && !begin_next) bound_.reset();  // the thread is idle: joins at once
  if (!bound_ && begin_next) bound_ = std::make_unique<BoundThread>();
  if (!responses.empty()) return write(std::move(responses));
  if (session_->closed()) return close("");
  if (pending_) return process();
  read_more();
}

void BoltConnection::write(std::vector<std::string> responses) {
  output_.clear();
  for (const std::string& r : responses) append_chunked(output_, r);
  arm_timer(Waiting::write);
  asio::async_write(stream_, asio::buffer(output_), [self = shared_from_this()](const boost::system::error_code& ec,
                                                                                std::size_t) {
    self->idle_.cancel();
    if (ec) return self->close("write failed: " + ec.message());
    if (self->session_->closed()) return self->close("");
    self->process();
  });
}

void BoltConnection::close(const std::string& why) {
  if (closed_) return;
  closed_ = true;
  boost::system::error_code ignored;
  stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  stream_.socket().close(ignored);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - opened_);
  std::string line = name_ + " " + peer_ + " closed after " + std::to_string(ms.count()) + " ms";
  if (session_) {
    line += ", " + std::to_string(session_->queries()) + (session_->queries() == 1 ? " query" : " queries");
    if (session_->failed_queries()) line += " (" + std::to_string(session_->failed_queries()) + " failed)";
  }
  if (!why.empty()) line += ": " + why;
  if (settings_.log) settings_.log(line);
}

}  // namespace ergo::server
