// A connection's byte stream: TCP (Beast's tcp_stream, with its timeouts),
// or TLS over it when the server was given a certificate (--tls-cert). One
// type either way, so that the Bolt and HTTP connections are written once;
// it is an AsyncReadStream and AsyncWriteStream, so asio::async_read/write
// and Beast's http::async_read/write take it as they take a socket.
#pragma once

#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <memory>
#include <string>
#include <utility>

namespace ergo::server {

// The server's TLS settings: a certificate chain and its private key (PEM).
// Throws std::runtime_error saying which file could not be used and why.
std::shared_ptr<boost::asio::ssl::context> tls_server_context(const std::string& certificate_file,
                                                              const std::string& key_file);

class TlsStream {
 public:
  using executor_type = boost::beast::tcp_stream::executor_type;

  // `tls` null: plain TCP.
  TlsStream(boost::asio::ip::tcp::socket socket, std::shared_ptr<boost::asio::ssl::context> tls)
      : context_(tls ? std::move(tls) : plain_context()),
        encrypted_(tls_flag(context_)),
        stream_(boost::beast::tcp_stream(std::move(socket)), *context_) {}

  bool encrypted() const { return encrypted_; }
  boost::beast::tcp_stream& tcp() { return stream_.next_layer(); }
  boost::asio::ip::tcp::socket& socket() { return stream_.next_layer().socket(); }
  executor_type get_executor() noexcept { return stream_.get_executor(); }

  // TLS: the server side of the handshake. Plain: completes at once.
  template <class Handler>
  void async_handshake(Handler&& handler) {
    if (encrypted_) return stream_.async_handshake(boost::asio::ssl::stream_base::server, std::forward<Handler>(handler));
    boost::asio::post(get_executor(), [h = std::forward<Handler>(handler)]() mutable { h(boost::system::error_code{}); });
  }
  template <class Buffers, class Handler>
  void async_read_some(const Buffers& buffers, Handler&& handler) {
    if (encrypted_) return stream_.async_read_some(buffers, std::forward<Handler>(handler));
    stream_.next_layer().async_read_some(buffers, std::forward<Handler>(handler));
  }
  template <class Buffers, class Handler>
  void async_write_some(const Buffers& buffers, Handler&& handler) {
    if (encrypted_) return stream_.async_write_some(buffers, std::forward<Handler>(handler));
    stream_.next_layer().async_write_some(buffers, std::forward<Handler>(handler));
  }

 private:
  // Beast's ssl_stream needs a context even when it is never used for TLS.
  static std::shared_ptr<boost::asio::ssl::context> plain_context();
  static bool tls_flag(const std::shared_ptr<boost::asio::ssl::context>& c) { return c != plain_context(); }

  std::shared_ptr<boost::asio::ssl::context> context_;
  bool encrypted_;
  boost::beast::ssl_stream<boost::beast::tcp_stream> stream_;
};

}  // namespace ergo::server
