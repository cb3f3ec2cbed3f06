#include "tools/server/http_connection.hpp"

#include <boost/asio/post.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>


#include <strings.h>

#include "tools/server/http_query.hpp"
#include "tools/server/http_render.hpp"
#include "tools/server/http_route.hpp"
#include "tools/server/listen_address.hpp"
#include "tools/server/web_assets.hpp"

namespace ergo::server {

namespace beast = boost::beast;
namespace http = beast::http;

HttpConnection::HttpConnection(boost::asio::ip::tcp::socket socket, ergo::Database& db, const HttpSettings& settings,
                               std::uint64_t id)
    : stream_(std::move(socket), settings.tls), db_(db), settings_(settings), name_("http-" + std::to_string(id)) {
  boost::system::error_code ec;
  auto remote = stream_.socket().remote_endpoint(ec);
  peer_ = ec ? "?" : endpoint_text(remote);
}

void HttpConnection::start() {
  // A client that connects and says nothing is cut off like an idle one.
  stream_.tcp().expires_after(std::chrono::seconds(60));
  stream_.async_handshake([self = shared_from_this()](const boost::system::error_code& ec) {
    if (ec) return self->close("TLS handshake failed: " + ec.message());
    self->read();
  });
}

void HttpConnection::read() {
  parser_.emplace();
  parser_->header_limit(16 * 1024);
  parser_->body_limit(settings_.max_body_bytes);
  // An idle keep-alive connection, or a client that stops halfway through
  // a request, is closed after this long rather than held open for ever.
  stream_.tcp().expires_after(std::chrono::seconds(60));
  http::async_read(stream_, buffer_, *parser_,
                   [self = shared_from_this()](const boost::system::error_code& ec, std::size_t) { self->on_read(ec); });
}

void HttpConnection::on_read(const boost::system::error_code& ec) {
  if (ec == http::error::end_of_stream || ec == boost::asio::error::eof) return close("");
  if (ec == boost::beast::error::timeout) return close("idle for 60 s");
  if (ec) {
    // A malformed or oversized request: say so, then hang up.
    Response bad{ec == http::error::body_limit ? http::status::payload_too_large : http::status::bad_request, 11};
    HttpReply reply = error_reply(bad.result_int(), "Neo.ClientError.Request.Invalid", "bad HTTP request: " + ec.message());
    bad.set(http::field::content_type, "application/json");
    bad.set(http::field::server, settings_.server_agent);
    bad.keep_alive(false);
    bad.body() = std::move(reply.body);
    bad.prepare_payload();
    response_ = std::make_shared<Response>(std::move(bad));
    http::async_write(stream_, *response_, [self = shared_from_this(), why = ec.message()](
                                               const boost::system::error_code&, std::size_t) {
      self->close("bad request: " + why);
    });
    return;
  }
  ++requests_;
  stream_.tcp().expires_never();  // the query may take as long as it takes
  boost::asio::post(*settings_.queries, [self = shared_from_this()] {
    self->response_ = std::make_shared<Response>(self->respond(self->parser_->get()));
    boost::asio::post(self->stream_.get_executor(), [self] { self->write_response(); });
  });
}

void HttpConnection::write_response() {
  http::async_write(stream_, *response_, [self = shared_from_this()](const boost::system::error_code& wec, std::size_t) {
    if (wec) return self->close("write failed: " + wec.message());
    if (!self->response_->keep_alive()) return self->close("");
    self->read();
  });
}

namespace {

// The request's Authorization header checked against the auth file: Basic
// (a user and password) or Bearer (a token).
bool authorized(const AuthFile& auth, std::string_view header, const std::function<void(const std::string&)>& log) {
  const auto starts = [&](std::string_view scheme) {
    return header.size() > scheme.size() && strncasecmp(header.data(), scheme.data(), scheme.size()) == 0;
  };
  if (starts("Bearer ")) {
    if (auth.check_token(header.substr(7))) return true;
    log("authentication failed (a bearer token)");
    return false;
  }
  if (starts("Basic ")) {
    const std::string pair = decode_base64(header.substr(6)).value_or("");
    const std::size_t colon = pair.find(':');
    if (colon != std::string::npos && auth.check_password(pair.substr(0, colon), pair.substr(colon + 1))) return true;
    log("authentication failed for user '" + pair.substr(0, colon == std::string::npos ? 0 : colon) + "'");
    return false;
  }
  return false;  // no credentials: the 401 asks for them
}

}  // namespace

HttpConnection::Response HttpConnection::respond(const Request& request) {
  const std::string target(request.target());
  const auto log = [this](const std::string& line) { if (settings_.log) settings_.log(name_ + " " + line); };
  const HttpRoute route = route_of(target);
  const WebAsset* asset = route.asset;
  HttpReply reply;
  http::verb allowed = http::verb::unknown;
  const auto header = request[http::field::authorization];
  const bool allowed_in =
      !settings_.auth || authorized(*settings_.auth, std::string_view(header.data(), header.size()), log);
  switch (allowed_in ? route.kind : HttpRoute::Kind::none) {
    case HttpRoute::Kind::query:
      allowed = http::verb::post;
      if (request.method() == http::verb::post) reply = answer_query(db_, route.database, request.body(), log);
      break;
    case HttpRoute::Kind::render:
      if (request.method() == http::verb::get) {
        reply = answer_render_url(db_, target, log);
      } else {
        allowed = http::verb::post;
        if (request.method() == http::verb::post) reply = answer_render(db_, request.body(), log);
      }
      break;
    case HttpRoute::Kind::asset:
      allowed = http::verb::get;
      reply = {200, std::string(asset->bytes), asset->content_type};
      break;
    case HttpRoute::Kind::none:
      if (!allowed_in) {
        reply = error_reply(401, "Neo.ClientError.Security.Unauthorized",
                            "The client is unauthorized due to authentication failure. Send a user name and "
                            "password (Authorization: Basic) or a token (Authorization: Bearer) from the "
                            "server's --auth-file.");
        break;
      }
      reply = error_reply(404, "Neo.ClientError.Request.Invalid",
                          "no such endpoint: " + target +
                              " (ergo serves the web page at GET /, POST /db/neo4j/query/v2 and GET or POST /render)");
      break;
  }
  const bool head = asset && request.method() == http::verb::head;
  if (allowed != http::verb::unknown && request.method() != allowed && !head) {
    reply = error_reply(405, "Neo.ClientError.Request.Invalid",
                        std::string("use ") +
                            (allowed == http::verb::get                ? "GET"
                             : route.kind == HttpRoute::Kind::render ? "GET or POST"
                                                                       : "POST") +
                            " for " + target);
  }
  Response response{static_cast<http::status>(reply.status), request.version()};
  response.set(http::field::server, settings_.server_agent);
  response.set(http::field::content_type, reply.content_type);
  // The browser must take every answer for what its type says, and run
  // nothing but the page's own script: no inline script, no event-handler
  // attribute, no other host, even if markup were ever to slip into data.
  response.set("X-Content-Type-Options", "nosniff");
  if (reply.content_type.starts_with("text/html")) {
    response.set("Content-Security-Policy",
                 "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                 "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  } else if (reply.content_type.starts_with("image/svg")) {
    response.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
  }
  if (asset) response.set(http::field::cache_control, "no-cache");
  // A browser asks for a user name and password, then sends them with every
  // request of the page (its own fetch() calls included).
  if (reply.status == 401) response.set(http::field::www_authenticate, "Basic realm=\"ergo\", charset=\"UTF-8\"");
  if (reply.status == 405) {
    response.set(http::field::allow, allowed == http::verb::get                ? "GET, HEAD"
                                     : route.kind == HttpRoute::Kind::render ? "GET, POST"
                                                                             : "POST");
  }
  response.keep_alive(request.keep_alive());
  response.body() = std::move(reply.body);
  response.prepare_payload();
  if (head) response.body().clear();
  return response;
}

void HttpConnection::close(const std::string& why) {
  boost::system::error_code ignored;
  stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
  stream_.socket().close(ignored);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - opened_);
  std::string line = name_ + " " + peer_ + " closed after " + std::to_string(ms.count()) + " ms, " +
                     std::to_string(requests_) + (requests_ == 1 ? " request" : " requests");
  if (!why.empty()) line += ": " + why;
  if (settings_.log) settings_.log(line);
}

}  // namespace ergo::server
