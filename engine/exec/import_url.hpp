// Where a LOAD CSV URL points: 'file:///people.csv' (or 'file:/people.csv',
// 'file://people.csv') is people.csv inside the import directory, as in
// Neo4j. %XX escapes are decoded. Private to engine/exec.
#pragma once

#include <filesystem>
#include <string>
#include <variant>

namespace ergo::exec {

// The file, or why the URL is refused (no import directory, not a file:
// URL, a path out of the directory through '..' or a symbolic link): a
// message for the user.
struct RefusedUrl {
  std::string message;
};
std::variant<std::filesystem::path, RefusedUrl> resolve_import_url(const std::string& url,
                                                                   const std::string& import_directory);

}  // namespace ergo::exec
