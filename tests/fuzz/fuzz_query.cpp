// Fuzz target: Cypher run on a small graph, with a time limit and a memory
// budget so that every input ends (an unbounded query is a TimedOut error,
// not a fuzzer timeout). Writes are rolled back by an error or kept: the
// graph is made anew for every input, so runs do not depend on each other.
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ergo::Database db = ergo::fuzz::small_graph();
  db.set_limits(ergo::Limits{200, 1 << 16, 64 << 20});
  try {
    ergo::Result r = db.execute(ergo::fuzz::text_of(data, size), {{"name", "OpenAI"}, {"n", 2}});
    for (const ergo::Row& row : r) (void)row.values();
  } catch (const ergo::Error&) {
  }
  return 0;
}
