// The web page's files (tools/server/web/), compiled into the binary by
// web/embed_assets.cmake, and what an HTTP answer needs to serve one: its
// bytes and content type. Nothing is loaded from disk or another host.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ergo::server {

struct EmbeddedFile {
  std::string_view path;  // "/index.html"
  std::string_view bytes;
};

// Every embedded file (generated at build time).
const std::vector<EmbeddedFile>& embedded_files();

struct WebAsset {
  std::string_view bytes;
  std::string content_type;  // "text/html; charset=utf-8", ...
};

// The file served at `target` ("/" is /index.html; a query string is
// ignored), or nullptr when there is none.
const WebAsset* find_web_asset(std::string_view target);

}  // namespace ergo::server
