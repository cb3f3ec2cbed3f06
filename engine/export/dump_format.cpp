// The names and file extensions of the dump formats (ergo/dump.hpp).
#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "ergo/dump.hpp"
#include "grammar/text/utf8.hpp"

namespace ergo {
namespace {

constexpr std::array<std::pair<DumpFormat, const char*>, 5> kNames = {{
    {DumpFormat::kg, "kg"},
    {DumpFormat::cypher, "cypher"},
    {DumpFormat::csv, "csv"},
    {DumpFormat::graphml, "graphml"},
    {DumpFormat::jsonl, "jsonl"},
}};

constexpr std::array<std::pair<const char*, DumpFormat>, 7> kExtensions = {{
    {".kg", DumpFormat::kg},
    {".cypher", DumpFormat::cypher},
    {".cql", DumpFormat::cypher},
    {".csv", DumpFormat::csv},
    {".graphml", DumpFormat::graphml},
    {".jsonl", DumpFormat::jsonl},
    {".ndjson", DumpFormat::jsonl},
}};

}  // namespace

const char* dump_format_name(DumpFormat format) {
  for (const auto& [f, name] : kNames) {
    if (f == format) return name;
  }
  return "kg";
}

std::optional<DumpFormat> parse_dump_format(std::string_view name) {
  for (const auto& [f, n] : kNames) {
    if (name == n) return f;
  }
  return std::nullopt;
}

std::optional<DumpFormat> dump_format_for_path(std::string_view path) {
  const std::string lower = text::utf8::ascii_lower(path);
  for (const auto& [extension, f] : kExtensions) {
    if (lower.ends_with(extension) && lower.size() > std::string_view(extension).size()) return f;
  }
  return std::nullopt;
}

}  // namespace ergo
