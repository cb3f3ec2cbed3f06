// Fuzz target: a .kg file, parsed and loaded (all or nothing) into an
// empty database. Problems in the file are ergo::Errors.
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = ergo::fuzz::write_file("", ".kg");
  ergo::fuzz::write_file(ergo::fuzz::text_of(data, size), ".kg");
  ergo::Database db;
  try {
    db.load({path});
    (void)db.schema();
  } catch (const ergo::Error&) {
  }
  return 0;
}
