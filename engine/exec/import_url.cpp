// Resolving LOAD CSV URLs inside the import directory (see import_url.hpp).
// The check is on the canonical paths, after symbolic links are followed,
// so no spelling of a path reaches a file outside the directory.
#include "engine/exec/import_url.hpp"

#include <algorithm>
#include <cctype>

namespace ergo::exec {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// %XX escapes decoded; false when one is malformed.
bool percent_decode(const std::string& in, std::string& out) {
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out += in[i];
      continue;
    }
    if (i + 2 >= in.size() || hex_digit(in[i + 1]) < 0 || hex_digit(in[i + 2]) < 0) return false;
    out += static_cast<char>(hex_digit(in[i + 1]) * 16 + hex_digit(in[i + 2]));
    i += 2;
  }
  return true;
}

bool starts_with_ignoring_case(const std::string& s, std::string_view prefix) {
  return s.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), s.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         });
}

// Whether `inner` is `outer` or below it (both canonical).
bool within(const std::filesystem::path& inner, const std::filesystem::path& outer) {
  auto [o, i] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
  return o == outer.end() || (std::next(o) == outer.end() && o->empty());
}

}  // namespace

std::variant<std::filesystem::path, RefusedUrl> resolve_import_url(const std::string& url,
                                                                   const std::string& import_directory) {
  namespace fs = std::filesystem;
  if (import_directory.empty()) {
    return RefusedUrl{"LOAD CSV reads files only from an import directory, and none is set: start ergo with "
                      "--import-dir DIR (ergo serve too), or call Database::set_import_directory(DIR), and put "
                      "the file there"};
  }
  if (!starts_with_ignoring_case(url, "file:")) {
    const std::size_t colon = url.find(':');
    const bool has_scheme = colon != std::string::npos && colon > 1 && url.find('/') > colon;
    return RefusedUrl{has_scheme ? "LOAD CSV reads only file: URLs here ('" + url.substr(0, colon) +
                                       ":' is not fetched); download the file into the import directory and "
                                       "load 'file:///NAME.csv'"
                                 : "LOAD CSV takes a file: URL, like 'file:///" + url +
                                       "' for a file in the import directory"};
  }
  std::string rest = url.substr(5);
  if (rest.rfind("//", 0) == 0) rest = rest.substr(2);  // file://... : an empty (local) host, or none
  std::string decoded;
  if (!percent_decode(rest, decoded)) {
    return RefusedUrl{"the URL '" + url + "' has a malformed %-escape (write a space as %20, a % as %25)"};
  }
  if (decoded.find('\0') != std::string::npos) return RefusedUrl{"the URL '" + url + "' names no file"};
  const std::string relative = decoded.substr(std::min(decoded.find_first_not_of('/'), decoded.size()));
  if (relative.empty()) return RefusedUrl{"the URL '" + url + "' names no file"};
  std::error_code ec;
  const fs::path base = fs::weakly_canonical(fs::absolute(fs::path(import_directory), ec), ec);
  if (ec) return RefusedUrl{"the import directory '" + import_directory + "' cannot be used: " + ec.message()};
  const fs::path file = fs::weakly_canonical(base / fs::path(relative), ec);
  if (ec) return RefusedUrl{"cannot resolve '" + url + "': " + ec.message()};
  if (!within(file, base)) {
    return RefusedUrl{"'" + url + "' points outside the import directory " + import_directory +
                      "; LOAD CSV reads only files inside it"};
  }
  return file;
}

}  // namespace ergo::exec
