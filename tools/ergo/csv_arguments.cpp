// CSV import switches (see csv_arguments.hpp).
#include "tools/ergo/csv_arguments.hpp"

#include "tools/ergo/options.hpp"

namespace ergo::cli {
namespace {

// "Company=companies.csv" → {"Company", "companies.csv"}; a value whose part
// before '=' looks like a path is all file name.
CsvFile csv_file(const std::string& name, const std::string& value) {
  if (value.empty()) throw UsageError("option '" + name + "' needs a file name");
  std::size_t eq = value.find('=');
  if (eq == std::string::npos || eq == 0 || value.find('/') < eq || eq + 1 == value.size()) return {value, {}};
  return {value.substr(eq + 1), value.substr(0, eq)};
}

}  // namespace

bool is_csv_switch(const std::string& name) {
  return name == "--nodes" || name == "--relationships" || name == "--edges" || name == "--lenient" ||
         name == "--delimiter";
}

void apply_csv_switch(CsvImport& import, const std::string& name, const std::optional<std::string>& value) {
  if (name == "--lenient") {
    if (value) throw UsageError("option '--lenient' takes no value");
    import.lenient = true;
    return;
  }
  if (!value) throw UsageError("option '" + name + "' needs a value");
  if (name == "--nodes") {
    import.nodes.push_back(csv_file(name, *value));
  } else if (name == "--relationships" || name == "--edges") {
    import.relationships.push_back(csv_file(name, *value));
  } else if (name == "--delimiter") {
    if (*value == "tab" || *value == "\\t" || *value == "\t") {
      import.delimiter = '\t';
    } else if (value->size() == 1 && *value != "\"" && *value != "\n" && *value != "\r") {
      import.delimiter = (*value)[0];
    } else {
      throw UsageError("option '--delimiter' needs one character (or tab), not '" + *value + "'");
    }
  }
}

std::string describe_import(const CsvImportSummary& s) {
  auto counted = [](std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::string text = "Imported " + counted(s.nodes, "node", "nodes") + " and " +
                     counted(s.relationships, "relationship", "relationships");
  if (s.skipped_rows) text += " (" + counted(s.skipped_rows, "bad row", "bad rows") + " skipped)";
  return text + ".";
}

std::string describe_skipped(const CsvImportSummary& s) {
  std::string rows = std::to_string(s.skipped_rows) + (s.skipped_rows == 1 ? " bad row" : " bad rows");
  return "--lenient skipped " + rows + "; imported " + std::to_string(s.nodes) +
         (s.nodes == 1 ? " node" : " nodes") + " and " + std::to_string(s.relationships) +
         (s.relationships == 1 ? " relationship" : " relationships");
}

}  // namespace ergo::cli
