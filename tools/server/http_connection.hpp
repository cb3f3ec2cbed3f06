// One HTTP client (Boost.Beast): requests read with bounded sizes, the
// Query API endpoint answered, keep-alive honoured. Like a Bolt connection
// it has one step in flight at a time: reading and writing on its strand of
// the I/O threads, answering (which may wait for the database) on the query
// pool.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <ergo/ergo.hpp>

#include "tools/server/auth_file.hpp"
#include "tools/server/tls_stream.hpp"

namespace ergo::server {

struct HttpSettings {
  std::string server_agent;
  std::size_t max_body_bytes = 16u << 20;
  std::function<void(const std::string&)> log;
  boost::asio::thread_pool* queries = nullptr;  // answers the requests
  const AuthFile* auth = nullptr;               // who may ask; null: anyone
  std::shared_ptr<boost::asio::ssl::context> tls;  // --tls-cert; null: plain HTTP
};

class HttpConnection : public std::enable_shared_from_this<HttpConnection> {
 public:
  HttpConnection(boost::asio::ip::tcp::socket socket, ergo::Database& db, const HttpSettings& settings,
                 std::uint64_t id);
  // `slot` is kept while the connection lives (the server's count of open
  // connections, see serve.cpp).
  void hold(std::shared_ptr<void> slot) { slot_ = std::move(slot); }
  void start();

 private:
  using Request = boost::beast::http::request<boost::beast::http::string_body>;
  using Response = boost::beast::http::response<boost::beast::http::string_body>;
  void read();
  void on_read(const boost::system::error_code& ec);
  void write_response();
  Response respond(const Request& request);
  void close(const std::string& why);

  TlsStream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  std::shared_ptr<Response> response_;
  ergo::Database& db_;
  const HttpSettings& settings_;
  std::string name_;
  std::string peer_;
  std::size_t requests_ = 0;
  std::chrono::steady_clock::time_point opened_ = std::chrono::steady_clock::now();
  std::shared_ptr<void> slot_;
};

}  // namespace ergo::server
