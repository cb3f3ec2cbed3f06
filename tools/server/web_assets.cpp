#include "tools/server/web_assets.hpp"

#include <map>

namespace ergo::server {
namespace {

std::string content_type_for(std::string_view path) {
  const auto ends_with = [&](std::string_view ext) { return path.ends_with(ext); };
  if (ends_with(".html")) return "text/html; charset=utf-8";
  if (ends_with(".js")) return "text/javascript; charset=utf-8";
  if (ends_with(".css")) return "text/css; charset=utf-8";
  if (ends_with(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

}  // namespace

const WebAsset* find_web_asset(std::string_view target) {
  static const std::map<std::string, WebAsset, std::less<>> assets = [] {
    std::map<std::string, WebAsset, std::less<>> out;
    for (const EmbeddedFile& f : embedded_files()) out[std::string(f.path)] = {f.bytes, content_type_for(f.path)};
    return out;
  }();
  std::string_view path = target.substr(0, target.find('?'));
  if (path == "/") path = "/index.html";
  auto it = assets.find(path);
  return it == assets.end() ? nullptr : &it->second;
}

}  // namespace ergo::server
