// ergo/render.hpp through the public API: to_dot, render in every format,
// render_to_file and its summary, the neighbours (context), and each error
// — unknown format, layout and extension, dpi out of range, an unwritable
// file, context without a database, an unknown size_by column, a detached
// result. (tests/render/ covers the drawing itself: golden DOT, escaping,
// limits.)
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tests/api/api_test_support.hpp"

namespace ergo {
namespace {

using api_test::error_of;
namespace fs = std::filesystem;

// Acme -[:OWNS]-> Rocket, plus Acme's other neighbour, Bolt, which the
// answer leaves out.
class Diagram : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.execute(
        "CREATE (a:Company {name: 'Acme'})-[:OWNS]->(:Product {name: 'Rocket'}), "
        "(a)-[:OWNS]->(:Product {name: 'Bolt'})");
    result_ = db_.execute("MATCH p = (:Company)-[:OWNS]->(:Product {name: 'Rocket'}) RETURN p");
    dir_ = fs::temp_directory_path() / ("ergo-api-render-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  Database db_;
  Result result_;
  fs::path dir_;
};

TEST_F(Diagram, ToDotIsDeterministicAndUnlaidOut) {
  std::string dot = to_dot(result_);
  EXPECT_EQ(dot.rfind("digraph", 0), 0u) << dot.substr(0, 80);
  EXPECT_NE(dot.find("Acme"), std::string::npos);
  EXPECT_NE(dot.find("Rocket"), std::string::npos);
  EXPECT_NE(dot.find("OWNS"), std::string::npos);
  EXPECT_EQ(dot.find("Bolt"), std::string::npos);  // not in the answer
  EXPECT_EQ(dot.find("pos="), std::string::npos);  // no coordinates
  EXPECT_EQ(to_dot(result_), dot);
  RenderOptions no_legend;
  no_legend.legend = false;
  EXPECT_NE(to_dot(result_, no_legend), dot);
}

TEST_F(Diagram, RenderEveryFormat) {
  RenderSummary summary;
  std::string svg = render(result_, {}, summary);
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u) << svg.substr(0, 80);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  EXPECT_NE(svg.find("Rocket"), std::string::npos);
  EXPECT_EQ(summary.path, "");
  EXPECT_EQ(summary.format, "svg");
  EXPECT_EQ(summary.layout, "dot");  // "auto" resolved: a small answer
  EXPECT_EQ(summary.nodes, 2u);
  EXPECT_EQ(summary.relationships, 1u);
  EXPECT_EQ(summary.context_nodes, 0u);
  EXPECT_EQ(summary.omitted_nodes, 0u);
  EXPECT_EQ(summary.omitted_relationships, 0u);
  EXPECT_EQ(summary.bytes, svg.size());
  EXPECT_EQ(summary.describe(), "drew 2 nodes and 1 relationship with layout dot");
  EXPECT_EQ(render(result_), svg);  // byte-identical, with or without a summary

  RenderOptions options;
  options.format = "dot";
  std::string laid_out = render(result_, options);
  EXPECT_EQ(laid_out.rfind("digraph", 0), 0u);
  EXPECT_NE(laid_out.find("pos="), std::string::npos);  // with coordinates
  options.format = "png";
  EXPECT_EQ(render(result_, options).substr(0, 8), "\x89PNG\r\n\x1a\n");
  options.format = "pdf";
  EXPECT_EQ(render(result_, options).substr(0, 5), "%PDF-");
  options.format = "svg";
  options.layout = "neato";
  render(result_, options, summary);
  EXPECT_EQ(summary.layout, "neato");
}

TEST_F(Diagram, RenderToFile) {
  const std::string path = (dir_ / "acme.SVG").string();
  RenderOptions options;
  options.format = "png";  // overridden by the extension
  RenderSummary summary = render_to_file(result_, path, options);
  EXPECT_EQ(summary.path, path);
  EXPECT_EQ(summary.format, "svg");
  EXPECT_EQ(summary.nodes, 2u);
  EXPECT_EQ(summary.bytes, fs::file_size(path));
  EXPECT_EQ(summary.describe(), "drew 2 nodes and 1 relationship with layout dot to " + path);
  std::ifstream in(path);
  std::string first_line;
  std::getline(in, first_line);
  EXPECT_EQ(first_line.rfind("<?xml", 0), 0u) << first_line;

  const std::string gv = (dir_ / "acme.gv").string();
  EXPECT_EQ(render_to_file(result_, gv).format, "dot");
}

TEST_F(Diagram, ContextDrawsTheNeighbours) {
  RenderOptions options;
  options.context = true;
  options.database = &db_;
  RenderSummary summary;
  std::string svg = render(result_, options, summary);
  EXPECT_EQ(summary.nodes, 3u);
  EXPECT_EQ(summary.context_nodes, 1u);
  EXPECT_EQ(summary.relationships, 2u);
  EXPECT_NE(svg.find("Bolt"), std::string::npos);
  EXPECT_EQ(summary.describe(), "drew 3 nodes and 2 relationships (1 neighbour) with layout dot");
}

TEST_F(Diagram, LimitsLeaveOutTheRest) {
  Result all = db_.execute("MATCH (n) RETURN n");
  RenderOptions options;
  options.max_nodes = 2;
  RenderSummary summary;
  render(all, options, summary);
  EXPECT_EQ(summary.nodes, 2u);
  EXPECT_EQ(summary.omitted_nodes, 1u);
  EXPECT_EQ(summary.describe(),
            "drew 2 nodes and 0 relationships, leaving out 1 node and 0 relationships over the limits with layout dot");
}

TEST_F(Diagram, Errors) {
  RenderOptions options;
  options.format = "gif";
  Error format = error_of([&] { render(result_, options); });
  EXPECT_EQ(format.kind(), ErrorKind::argument_error);
  EXPECT_EQ(format.message(), "unknown diagram format 'gif' (use one of: svg, png, pdf, dot)");

  options = {};
  options.layout = "spring";
  Error layout = error_of([&] { render(result_, options); });
  EXPECT_EQ(layout.kind(), ErrorKind::argument_error);
  EXPECT_EQ(layout.message(), "unknown layout 'spring' (use one of: auto, dot, neato, fdp, sfdp, circo, twopi)");
  EXPECT_EQ(error_of([&] { to_dot(result_, options); }).message(), layout.message());

  for (int dpi : {23, 601, 0, -1}) {
    options = {};
    options.dpi = dpi;
    Error e = error_of([&] { render(result_, options); });
    EXPECT_EQ(e.kind(), ErrorKind::argument_error);
    EXPECT_EQ(e.message(), "dpi must be between 24 and 600, not " + std::to_string(dpi));
  }
  options.dpi = 24;
  EXPECT_NO_THROW(render(result_, options));

  Error extension = error_of([&] { render_to_file(result_, (dir_ / "acme.txt").string()); });
  EXPECT_EQ(extension.kind(), ErrorKind::argument_error);
  EXPECT_EQ(extension.message(),
            "cannot tell the diagram format from '" + (dir_ / "acme.txt").string() +
                "' (use .svg, .png, .pdf, .dot or .gv)");
  EXPECT_FALSE(fs::exists(dir_ / "acme.txt"));

  const std::string unwritable = (dir_ / "no-such-dir" / "acme.svg").string();
  Error io = error_of([&] { render_to_file(result_, unwritable); });
  EXPECT_EQ(io.kind(), ErrorKind::io_error);
  EXPECT_EQ(io.message(), "cannot write the diagram to '" + unwritable + "'");

  options = {};
  options.context = true;  // and no database
  Error context = error_of([&] { render(result_, options); });
  EXPECT_EQ(context.kind(), ErrorKind::argument_error);
  EXPECT_EQ(context.message(), "drawing the neighbours (context) needs the database of the result");

  options = {};
  options.size_by = "score";
  Error size_by = error_of([&] { render(result_, options); });
  EXPECT_EQ(size_by.kind(), ErrorKind::argument_error);
  EXPECT_EQ(size_by.message(), "size_by: the answer has no column 'score'");

  Result detached({"n"}, {{Value(NodeRef{0})}}, {}, nullptr);
  Error e = error_of([&] { to_dot(detached); });
  EXPECT_EQ(e.kind(), ErrorKind::runtime_error);
  EXPECT_EQ(e.message(), "this result is not attached to a database");
  EXPECT_EQ(error_of([&] { render(detached); }).message(), e.message());
}

TEST(Render, AnAnswerWithoutGraphElements) {
  Database db;
  RenderSummary summary;
  std::string svg = render(db.execute("RETURN 1 AS one"), {}, summary);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  EXPECT_EQ(summary.nodes, 0u);
  EXPECT_EQ(summary.relationships, 0u);
  EXPECT_EQ(summary.describe(),
            "drew 0 nodes and 0 relationships with layout dot (the answer holds no nodes, relationships or paths; "
            "return them to draw them)");
}

TEST(Render, NamesAndDefaults) {
  EXPECT_EQ(render_formats(), (std::vector<std::string>{"svg", "png", "pdf", "dot"}));
  EXPECT_EQ(render_layouts(), (std::vector<std::string>{"auto", "dot", "neato", "fdp", "sfdp", "circo", "twopi"}));
  const std::pair<const char*, const char*> paths[] = {
      {"a.svg", "svg"}, {"dir/b.png", "png"}, {"c.pdf", "pdf"}, {"d.dot", "dot"}, {"e.gv", "dot"},
      {"F.SVG", "svg"}, {"g.Png", "png"},     {"h.txt", ""},    {"svg", ""},      {"i.svg.bak", ""},
      {"", ""},         {".svg", ""}};
  for (const auto& [path, format] : paths) EXPECT_EQ(render_format_for_path(path), format) << path;
  EXPECT_EQ(kAutoDotMaxNodes, 150u);
  EXPECT_EQ(kAutoDotMaxExtraRelationships, 80u);

  const RenderOptions defaults;
  EXPECT_EQ(defaults.format, "svg");
  EXPECT_EQ(defaults.layout, "auto");
  EXPECT_FALSE(defaults.context);
  EXPECT_EQ(defaults.database, nullptr);
  EXPECT_FALSE(defaults.korean);
  EXPECT_EQ(defaults.max_nodes, 400u);
  EXPECT_EQ(defaults.max_relationships, 1200u);
  EXPECT_EQ(defaults.size_by, "");
  EXPECT_TRUE(defaults.edge_labels);
  EXPECT_TRUE(defaults.legend);
  EXPECT_EQ(defaults.title, "");
  EXPECT_EQ(defaults.dpi, 144);
}

TEST(Render, SummaryDescribesWhatWasDrawn) {
  RenderSummary s;
  s.layout = "sfdp";
  s.nodes = 1;
  s.relationships = 1;
  EXPECT_EQ(s.describe(), "drew 1 node and 1 relationship with layout sfdp");
  s.nodes = 1200;
  s.relationships = 3400;
  s.context_nodes = 7;
  s.omitted_nodes = 1;
  s.omitted_relationships = 2;
  s.path = "out.svg";
  EXPECT_EQ(s.describe(),
            "drew 1,200 nodes and 3,400 relationships (7 neighbours), leaving out 1 node and 2 relationships over "
            "the limits with layout sfdp to out.svg");
}

}  // namespace
}  // namespace ergo
