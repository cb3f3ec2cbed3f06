// Fuzz target: one HTTP request as the server reads it — Beast's parser with
// the server's limits, the route, and the Query API's and /render's JSON
// bodies run on a small graph with a time limit. The reply must be a
// well-formed status; anything else (a crash, a sanitizer report, an
// exception out of an endpoint) is a finding.
#include <boost/asio/buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <cstdlib>

#include "tests/fuzz/fuzz_support.hpp"
#include "tools/server/http_query.hpp"
#include "tools/server/http_render.hpp"
#include "tools/server/http_route.hpp"

namespace http = boost::beast::http;
using namespace ergo::server;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  http::request_parser<http::string_body> parser;
  parser.header_limit(8 * 1024);
  parser.body_limit(1 << 20);
  parser.eager(true);
  boost::system::error_code ec;
  boost::asio::const_buffer rest(data, size);
  while (rest.size() > 0 && !parser.is_done()) {
    const std::size_t used = parser.put(rest, ec);
    rest += used;
    if (ec == http::error::need_more) {
      parser.put_eof(ec);
      break;
    }
    if (ec || used == 0) break;
  }
  if (ec || !parser.is_done()) return 0;
  const auto& request = parser.get();
  const HttpRoute route = route_of(std::string(request.target()));
  const auto log = [](const std::string&) {};
  HttpReply reply{200, {}, {}};
  if (route.kind == HttpRoute::Kind::query || route.kind == HttpRoute::Kind::render) {
    ergo::Database db = ergo::fuzz::small_graph();
    db.set_limits(ergo::Limits{200, 1 << 16, 64 << 20});
    reply = route.kind == HttpRoute::Kind::query ? answer_query(db, route.database, request.body(), log)
                                                 : answer_render(db, request.body(), log);
  }
  if (reply.status < 100 || reply.status > 599) std::abort();
  return 0;
}
