// Which of the server's endpoints a request target names. Plain string
// work, no regular expression: a target is whatever a client sends (up to
// Beast's header limit), and matching it must cost no more than reading it.
#pragma once

#include <string>
#include <string_view>

#include "tools/server/web_assets.hpp"

namespace ergo::server {

struct HttpRoute {
  enum class Kind { query, render, asset, none };
  Kind kind = Kind::none;
  std::string database;             // query: the <name> of /db/<name>/query/v2
  const WebAsset* asset = nullptr;  // asset: the file served
};

// POST /db/<name>/query/v2, POST /render and the web page's files; a query
// string (?...) and one trailing '/' are ignored on the two POST endpoints.
HttpRoute route_of(std::string_view target);

}  // namespace ergo::server
