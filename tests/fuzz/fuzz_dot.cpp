// Fuzz target: the DOT writer. The input, cut in three at NUL bytes, is a
// node's name, another's alias and a relationship's property; the DOT of
// the answer must read back with Graphviz's own parser, with both nodes
// and the relationship in it. A failure to read back aborts (a finding).
#include <graphviz/cgraph.h>

#include <cstdio>
#include <cstdlib>

#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = ergo::fuzz::text_of(data, size);
  std::string parts[3];
  for (std::string& part : parts) {
    const std::size_t nul = text.find('\0');
    part = std::string(text.substr(0, nul));
    text = nul == std::string_view::npos ? std::string_view() : text.substr(nul + 1);
  }
  ergo::Database db;
  ergo::Result r;
  try {
    r = db.execute("CREATE (a:Company {name: $a})-[r:INVESTS_IN {context: $c, source: $c, line: 1}]->"
                   "(b:Person {name: 'b', aliases: [$b]}) RETURN a, r, b",
                   {{"a", parts[0]}, {"b", parts[1]}, {"c", parts[2]}});
  } catch (const ergo::Error&) {
    return 0;  // not valid UTF-8 text, say: refused before any drawing
  }
  for (bool korean : {false, true}) {
    ergo::RenderOptions options;
    options.korean = korean;
    const std::string dot = ergo::to_dot(r, options);
    Agraph_t* g = agmemread(dot.c_str());
    if (!g || agnnodes(g) != 2 || agnedges(g) != 1) {
      std::fprintf(stderr, "the DOT does not read back:\n%s\n", dot.c_str());
      std::abort();
    }
    agclose(g);
  }
  return 0;
}
