// Fuzz target: Cypher text through the parser, the binder and the planner
// (Database::prepare runs all three and nothing else). Any ergo::Error is a
// fine answer; a crash, a sanitizer report or another exception is not.
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static ergo::Database db = ergo::fuzz::small_graph();
  try {
    db.prepare(ergo::fuzz::text_of(data, size));
  } catch (const ergo::Error&) {
  }
  return 0;
}
