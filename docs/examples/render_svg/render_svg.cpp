// Draws OpenAI's relationships in the bundled graph as an SVG diagram with
// ergo::render (Graphviz runs inside the library; this program needs no
// Graphviz headers). See docs/embedding.md.
//   render_svg [OUTPUT.svg] [DATA_DIR]
#include <ergo/ergo.hpp>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  const std::string output = argc > 1 ? argv[1] : "openai.svg";
  const std::string data_dir = argc > 2 ? argv[2] : ERGO_DATA_DIR;  // the installed bundled graph
  try {
    ergo::Database db = ergo::Database::open({data_dir});
    const std::string query = "MATCH p = (:Company {name: $name})-[:INVESTS_IN|PARTNERS_WITH|DEVELOPS]-() RETURN p";
    ergo::Result r = db.execute(query, {{"name", "OpenAI"}});

    ergo::RenderOptions options;
    options.layout = "dot";
    options.title = "OpenAI: investments, partnerships, products";
    ergo::RenderSummary summary = ergo::render_to_file(r, output, options);  // format from the extension
    std::cout << summary.describe() << '\n';
  } catch (const ergo::Error& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
  return 0;
}
