// Fuzz target: CSV import. The input is a nodes file and a relationships
// file, split at the first NUL byte (no NUL: a nodes file alone). A first
// byte below 8 picks the delimiter and strict or lenient mode; any other
// starts the nodes file, so plain CSV files serve as seeds.
#include <string>

#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::uint8_t mode = 0;
  std::string_view text = ergo::fuzz::text_of(data, size);
  if (size > 0 && data[0] < 8) {
    mode = data[0];
    text.remove_prefix(1);
  }
  const std::size_t nul = text.find('\0');
  ergo::CsvImport import;
  import.nodes.push_back({ergo::fuzz::write_file(text.substr(0, nul), "-nodes.csv")});
  if (nul != std::string_view::npos) {
    import.relationships.push_back({ergo::fuzz::write_file(text.substr(nul + 1), "-rels.csv"), "LINKS"});
  }
  static const char delimiters[] = {',', ';', '\t', '|'};
  import.delimiter = delimiters[mode & 3];
  import.lenient = (mode & 4) != 0;
  ergo::Database db;
  try {
    db.import_csv(import);
    (void)db.statistics();
  } catch (const ergo::Error&) {
  }
  return 0;
}
