#include "tools/server/http_route.hpp"

namespace ergo::server {

HttpRoute route_of(std::string_view target) {
  std::string_view path = target.substr(0, target.find('?'));
  if (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  if (path == "/render") return {HttpRoute::Kind::render, {}, nullptr};
  constexpr std::string_view db_prefix = "/db/", query_suffix = "/query/v2";
  if (path.starts_with(db_prefix) && path.ends_with(query_suffix) &&
      path.size() > db_prefix.size() + query_suffix.size()) {
    const std::string_view name = path.substr(db_prefix.size(), path.size() - db_prefix.size() - query_suffix.size());
    if (name.find('/') == std::string_view::npos) return {HttpRoute::Kind::query, std::string(name), nullptr};
  }
  if (const WebAsset* asset = find_web_asset(target)) return {HttpRoute::Kind::asset, {}, asset};
  return {};
}

}  // namespace ergo::server
