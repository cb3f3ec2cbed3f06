#include "tools/server/bolt_connection.hpp"

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
    : socket_(std::move(socket)),
      db_(db),
      settings_(settings),
      name_("bolt-" + std::to_string(id)),
      dechunker_(settings.max_message_bytes) {
  boost::system::error_code ec;
  auto remote = socket_.remote_endpoint(ec);
  peer_ = ec ? "?" : endpoint_text(remote);
}

void BoltConnection::start() {
  asio::async_read(socket_, asio::buffer(handshake_),
                   [self = shared_from_this()](const boost::system::error_code& ec, std::size_t) {
                     self->on_handshake(ec);
                   });
}

void BoltConnection::on_handshake(const boost::system::error_code& ec) {
  if (ec) return close("closed before the handshake");
  const std::string_view bytes(handshake_.data(), handshake_.size());
  if (!is_bolt_magic(bytes.substr(0, 4))) return close("not a Bolt client (no Bolt preamble)");
  const std::optional<BoltVersion> version = negotiate(bytes.substr(4));
  const std::array<char, 4> answer = handshake_answer(version);
  output_.assign(answer.data(), answer.size());
  if (version) {
    boost::system::error_code local_ec;
    auto local = socket_.local_endpoint(local_ec);
    SessionContext context{name_, local_ec ? "127.0.0.1:7687" : endpoint_text(local), settings_.server_agent,
                           settings_.log};
    session_.emplace(db_, *version, std::move(context));
  }
  asio::async_write(socket_, asio::buffer(output_),
                    [self = shared_from_this(), ok = version.has_value()](const boost::system::error_code& wec,
                                                                         std::size_t) {
                      if (wec) return self->close("write failed: " + wec.message());
                      if (!ok) return self->close("no Bolt version in common (ergo speaks 5.0 to 5.4)");
                      self->read_more();
                    });
}

void BoltConnection::read_more() {
  socket_.async_read_some(asio::buffer(input_), [self = shared_from_this()](const boost::system::error_code& ec,
                                                                           std::size_t n) {
    if (ec) return self->close(ec == asio::error::eof ? "" : "read failed: " + ec.message());
    self->dechunker_.feed(std::string_view(self->input_.data(), n));
    self->process();
  });
}

// Handles the complete messages received so far, writes what they answer,
// and comes back here after each write until it needs more input.
void BoltConnection::process() {
  std::vector<std::string> responses;
  std::size_t bytes = 0;
  try {
    for (;;) {
      if (session_->closed()) break;
      if (session_->pulling()) {
        session_->continue_pull(responses);
        break;  // a slice of records: write it before the next
      }
      std::optional<std::string> message = dechunker_.next();
      if (!message) break;
      session_->handle(*message, responses);
      for (const std::string& r : responses) bytes += r.size();
      if (session_->pulling() || bytes > kWriteBatchBytes) break;
    }
  } catch (const FramingError& e) {
    session_->reject(e.what(), responses);
  }
  if (!responses.empty()) return write(std::move(responses));
  if (session_->closed()) return close("");
  read_more();
}

void BoltConnection::write(std::vector<std::string> responses) {
  output_.clear();
  for (const std::string& r : responses) append_chunked(output_, r);
  asio::async_write(socket_, asio::buffer(output_), [self = shared_from_this()](const boost::system::error_code& ec,
                                                                                std::size_t) {
    if (ec) return self->close("write failed: " + ec.message());
    if (self->session_->closed()) return self->close("");
    self->process();
  });
}

void BoltConnection::close(const std::string& why) {
  if (closed_) return;
  closed_ = true;
  boost::system::error_code ignored;
  socket_.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  socket_.close(ignored);
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
