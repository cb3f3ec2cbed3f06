// ergo::write_result and friends (see ergo/format.hpp): picks the writer
// for a format, and words the summary line shown under a result.
#include "ergo/format.hpp"

#include <array>
#include <utility>

#include "engine/format/writers.hpp"

namespace ergo {
namespace {

constexpr std::array<std::pair<Format, const char*>, 8> names{{
    {Format::table, "table"},
    {Format::csv, "csv"},
    {Format::tsv, "tsv"},
    {Format::json, "json"},
    {Format::jsonl, "jsonl"},
    {Format::markdown, "markdown"},
    {Format::vertical, "vertical"},
    {Format::automatic, "auto"},
}};

std::string counted(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  for (const auto& [format, text] : names) {
    if (name == text) return format;
  }
  return std::nullopt;
}

const char* format_name(Format format) {
  for (const auto& [f, text] : names) {
    if (f == format) return text;
  }
  return "?";
}

void write_result(std::ostream& out, const Result& result, const FormatOptions& options) {
  switch (options.format) {
    case Format::table: format::write_table(out, result, options); break;
    case Format::csv: format::write_delimited(out, result, ',', options.header); break;
    case Format::tsv: format::write_delimited(out, result, '\t', options.header); break;
    case Format::json: format::write_json(out, result, false); break;
    case Format::jsonl: format::write_json(out, result, true); break;
    case Format::markdown: format::write_markdown(out, result, options.header); break;
    case Format::vertical: format::write_vertical(out, result, options); break;
    case Format::automatic: format::write_table_or_vertical(out, result, options); break;
  }
}

std::string result_summary(const Result& result) {
  std::string out = counted(result.size(), "row", "rows");
  const QueryStats& s = result.stats();
  std::vector<std::string> changes;
  std::string created;
  if (s.nodes_created) created = counted(s.nodes_created, "node", "nodes");
  if (s.relationships_created) {
    created += (created.empty() ? "" : " and ") + counted(s.relationships_created, "relationship", "relationships");
  }
  if (!created.empty()) changes.push_back("created " + created);
  std::string deleted;
  if (s.nodes_deleted) deleted = counted(s.nodes_deleted, "node", "nodes");
  if (s.relationships_deleted) {
    deleted += (deleted.empty() ? "" : " and ") + counted(s.relationships_deleted, "relationship", "relationships");
  }
  if (!deleted.empty()) changes.push_back("deleted " + deleted);
  if (s.labels_added) changes.push_back("added " + counted(s.labels_added, "label", "labels"));
  if (s.labels_removed) changes.push_back("removed " + counted(s.labels_removed, "label", "labels"));
  if (s.properties_set) changes.push_back("set " + counted(s.properties_set, "property", "properties"));
  // A statement without RETURN has no rows to count, only changes.
  if (result.columns().empty() && !changes.empty()) {
    out.clear();
    for (std::size_t i = 0; i < changes.size(); ++i) out += (i ? ", " : "") + changes[i];
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
  }
  for (std::size_t i = 0; i < changes.size(); ++i) out += (i ? ", " : "; ") + changes[i];
  return out;
}

}  // namespace ergo
