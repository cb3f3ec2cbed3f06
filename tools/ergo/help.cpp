// :help's pages. The command list is built from the command table, so a new
// command appears here by itself; the topics are written out below.
#include "tools/ergo/help.hpp"

#include <algorithm>

#include "tools/ergo/meta_commands.hpp"

namespace ergo::cli {
namespace {

constexpr const char* formats_page =
    "Formats (:format NAME, or --format NAME on the command line):\n"
    "  table     columns aligned for the terminal (Hangul and emoji included),\n"
    "            as wide as the terminal; values are cut with '…' only when a\n"
    "            row does not fit (at 60 columns when output is not a terminal);\n"
    "            nodes as (OpenAI:Company), paths as (a:X)-[:TYPE]->(b:Y)\n"
    "  vertical  one field per line under a -[ row N ]- rule, values whole\n"
    "  auto      a table, or vertical when a row does not fit\n"
    "  csv       comma-separated, quoted as RFC 4180 says; null is an empty field\n"
    "  tsv       tab-separated; tab, newline and backslash escaped as \\t \\n \\\\\n"
    "  json      an array of row objects keyed by column name; nodes as\n"
    "            {\"id\", \"labels\", \"properties\"}, relationships as {\"id\", \"type\",\n"
    "            \"start\", \"end\", \"properties\"}, dates as \"YYYY-MM-DD\"\n"
    "  jsonl     one row object per line\n"
    "  markdown  a GitHub-flavoured Markdown table\n";

constexpr const char* params_page =
    "Parameters are values a query names with $: MATCH (n {name: $name}) RETURN n.\n"
    "  :param name 'OpenAI'        set one (the value is a Cypher literal)\n"
    "  :param year 2023            numbers, lists [1, 2], maps {a: 1}, dates\n"
    "  :params                     list them (:param alone too); :params clear\n"
    "                              removes them all\n"
    "On the command line: --param \"name='OpenAI'\" or --params values.json.\n";

constexpr const char* keys_page =
    "Keys at the prompt:\n"
    "  Enter         run the statement if it ends with ';', else continue it\n"
    "  Tab           complete a keyword, function, label, relationship type,\n"
    "                property key (after '.'), parameter (after '$'), command,\n"
    "                or an entity name (inside quotes, or after :find)\n"
    "  Up, Down      previous and next statement from the history\n"
    "                (kept in ~/.ergo_history)\n"
    "  Ctrl-R        search the history\n"
    "  Ctrl-A, Ctrl-E  start and end of the line\n"
    "  Ctrl-C        discard what is typed; while a query runs, cancel it\n"
    "  Ctrl-D        leave (on an empty line; a statement not ended by ';'\n"
    "                is not run, and ergo says so)\n";

constexpr const char* cypher_page =
    "Queries are openCypher, ended by ';'. A few to try on the bundled graph:\n"
    "  MATCH (c:Company)-[:INVESTS_IN]->(o) RETURN c.name, o.name;\n"
    "  MATCH (p:Person)-[:CEO_OF]->(c) RETURN p.name, p.aliases, c.name;\n"
    "  MATCH (n {name: 'OpenAI'})<-[r]-(m) RETURN type(r), m.name, r.source, r.line;\n"
    "  MATCH (n) RETURN labels(n)[0] AS label, count(*) ORDER BY count(*) DESC;\n"
    "Every fact carries the document (r.source) and line (r.line) it comes from;\n"
    ":why after a query shows them for its relationships, with the line's text.\n"
    "EXPLAIN before a query shows its plan. :schema lists what there is to match.\n";

std::string overview() {
  std::string out =
      "Type openCypher queries ended by ';' (they may span lines), or a command:\n";
  std::size_t width = 0;
  for (const MetaCommand& c : meta_commands()) {
    width = std::max(width, std::string(c.name).size() + 1 + std::string(c.arguments).size());
  }
  for (const MetaCommand& c : meta_commands()) {
    std::string head = std::string(c.name) + (*c.arguments ? " " : "") + c.arguments;
    out += "  " + head + std::string(width + 2 - head.size(), ' ') + c.summary + "\n";
  }
  out += "More: :help COMMAND, :help formats, :help params, :help keys, :help cypher.\n";
  return out;
}

}  // namespace

const std::vector<std::string>& help_topics() {
  static const std::vector<std::string> topics = {"formats", "params", "keys", "cypher"};
  return topics;
}

std::optional<std::string> help_text(std::string_view topic) {
  if (topic.empty()) return overview();
  if (topic == "formats" || topic == "format") return std::string(formats_page);
  if (topic == "params" || topic == "parameters") return std::string(params_page);
  if (topic == "keys") return std::string(keys_page);
  if (topic == "cypher" || topic == "queries") return std::string(cypher_page);
  std::string name = topic.starts_with(':') ? std::string(topic) : ":" + std::string(topic);
  for (const MetaCommand& c : meta_commands()) {
    if (name != c.name) continue;
    std::string out = std::string(c.name) + (*c.arguments ? " " : "") + c.arguments + "\n  " + c.summary + "\n";
    if (*c.details) out += std::string(c.details);
    return out;
  }
  return std::nullopt;
}

}  // namespace ergo::cli
