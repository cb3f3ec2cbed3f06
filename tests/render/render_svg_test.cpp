// SVG diagrams of the bundled graph, read back as text: one node group per
// drawn node and one edge group per relationship, titled by element id, the
// legend, tooltips with provenance, bold paths, byte-identical repeats, and
// the other formats' signatures.
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>
#include <vector>

#include "tests/engine/golden_files.hpp"
#include "tests/render/render_test_support.hpp"

namespace ergo {
namespace {

using testing::bundled;
using testing::count;

const char* kMicrosoftOpenAI = "MATCH (m {name: 'Microsoft'})-[r]-(o {name: 'OpenAI'}) RETURN m, r, o";

TEST(RenderSvg, OneGroupPerNodeAndRelationship) {
  Result r = bundled().execute(kMicrosoftOpenAI);
  ASSERT_GE(r.size(), 2u);
  RenderSummary summary;
  std::string svg = render(r, {}, summary);
  EXPECT_EQ(summary.nodes, 2u);
  EXPECT_EQ(summary.relationships, r.size());
  EXPECT_EQ(summary.layout, "dot");
  EXPECT_EQ(count(svg, "class=\"node\""), 2u);
  EXPECT_EQ(count(svg, "class=\"edge\""), r.size());
  NodeRef m = r.row(0)[0].as_node();
  EXPECT_EQ(count(svg, "<title>n" + std::to_string(m.id) + "</title>"), 1u);
  EXPECT_NE(svg.find(">Microsoft</text>"), std::string::npos);
  EXPECT_NE(svg.find(">INVESTS_IN</text>"), std::string::npos);
  EXPECT_NE(svg.find("$1B"), std::string::npos) << "money on the investment edge";
  EXPECT_NE(svg.find("2019&#45;07&#45;22"), std::string::npos) << "the date on the edge";
}

TEST(RenderSvg, LegendAndTooltipsWithProvenance) {
  std::string svg = render(bundled().execute(kMicrosoftOpenAI));
  EXPECT_NE(svg.find("Company</text>"), std::string::npos) << "legend swatch";
  EXPECT_NE(svg.find("xlink:title=\"Microsoft &#45;[:INVESTS_IN]&#45;&gt; OpenAI&#10;source: "
                     "001_009795713d7dc0a1, line "),
            std::string::npos)
      << "edge tooltip with source document and line";
  EXPECT_NE(svg.find("aliases: [&#39;마이크로소프트&#39;"), std::string::npos) << "node tooltip with properties";
  EXPECT_NE(svg.find("font-family=\"Noto Sans CJK KR\""), std::string::npos);
}

TEST(RenderSvg, PathsAreBoldAndElementsInListsDraw) {
  Result paths = bundled().execute("MATCH p = (:Person {name: 'Sam Altman'})-[:CEO_OF]->() RETURN p");
  std::string svg = render(paths);
  EXPECT_EQ(count(svg, "class=\"edge\""), paths.size());
  EXPECT_GE(count(svg, "stroke-width=\"2.6\""), paths.size());
  EXPECT_NE(svg.find("path</text>"), std::string::npos) << "legend explains bold";

  Result nested = bundled().execute(
      "MATCH (c {name: 'Microsoft'})-[r:INVESTS_IN]->(o) RETURN 1 AS one, [[c, r], {target: o}] AS nested");
  RenderSummary s;
  render(nested, {}, s);
  EXPECT_EQ(s.nodes, 2u);
  EXPECT_EQ(s.relationships, nested.size());
}

TEST(RenderSvg, SameAnswerSameBytes) {
  RenderOptions o;
  o.context = true;
  o.database = &bundled();
  o.korean = true;
  for (const char* layout : {"dot", "neato", "fdp", "sfdp", "circo", "twopi"}) {
    SCOPED_TRACE(layout);
    o.layout = layout;
    std::string first = render(bundled().execute(kMicrosoftOpenAI), o);
    std::string second = render(bundled().execute(kMicrosoftOpenAI), o);
    EXPECT_TRUE(first == second) << "SVG differs between two renders";
    EXPECT_TRUE(to_dot(bundled().execute(kMicrosoftOpenAI), o) == to_dot(bundled().execute(kMicrosoftOpenAI), o));
  }
}

TEST(RenderSvg, ThreadsRenderTheSameBytes) {
  RenderOptions o;
  o.layout = "fdp";
  std::string expected = render(bundled().execute(kMicrosoftOpenAI), o);
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < got.size(); ++i) {
    threads.emplace_back([&, i] { got[i] = render(bundled().execute(kMicrosoftOpenAI), o); });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& g : got) EXPECT_TRUE(g == expected);
}

TEST(RenderSvg, ContextNeighboursAreFaint) {
  RenderOptions o;
  o.context = true;
  o.database = &bundled();
  Result r = bundled().execute("MATCH (a:Alliance) RETURN a");
  RenderSummary s;
  std::string svg = render(r, o, s);
  EXPECT_GT(s.context_nodes, 3u);
  EXPECT_EQ(s.nodes, s.context_nodes + 1);
  EXPECT_EQ(count(svg, "class=\"node\""), s.nodes);
  EXPECT_NE(svg.find("stroke-dasharray"), std::string::npos);
  EXPECT_NE(svg.find("neighbour</text>"), std::string::npos);

  o.database = nullptr;
  EXPECT_THROW(render(r, o), Error);
}

TEST(RenderSvg, KoreanAliasUnderTheName) {
  RenderOptions o;
  o.korean = true;
  std::string svg = render(bundled().execute("MATCH (m {name: 'Microsoft'}) RETURN m"), o);
  EXPECT_NE(svg.find(">마이크로소프트</text>"), std::string::npos);
  EXPECT_EQ(render(bundled().execute("MATCH (m {name: 'Microsoft'}) RETURN m")).find("마이크로소프트</text>"),
            std::string::npos);
}

TEST(RenderSvg, SizeByScalesTheFont) {
  RenderOptions o;
  o.size_by = "degree";
  std::string svg = render(
      bundled().execute("MATCH (c:Company)-[r]-() RETURN c, count(r) AS degree ORDER BY degree DESC LIMIT 5"), o);
  EXPECT_NE(svg.find("font-size=\"26.00\""), std::string::npos);
  EXPECT_NE(svg.find("font-size=\"10.00\""), std::string::npos);
  o.size_by = "nope";
  EXPECT_THROW(render(bundled().execute("MATCH (c:Company) RETURN c"), o), Error);
}

TEST(RenderSvg, EdgeLabelsOffAndTitle) {
  RenderOptions o;
  o.edge_labels = false;
  o.title = "Microsoft & OpenAI <all facts>";
  std::string svg = render(bundled().execute(kMicrosoftOpenAI), o);
  EXPECT_EQ(svg.find(">INVESTS_IN</text>"), std::string::npos);
  EXPECT_NE(svg.find("&#45;[:INVESTS_IN]&#45;&gt;"), std::string::npos) << "the type stays in the tooltip";
  EXPECT_NE(svg.find(">Microsoft &amp; OpenAI &lt;all facts&gt;</text>"), std::string::npos);
}

TEST(RenderFormats, PngPdfAndLaidOutDot) {
  Result r = bundled().execute(kMicrosoftOpenAI);
  RenderOptions o;
  o.format = "png";
  std::string png = render(r, o);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_TRUE(png == render(r, o)) << "PNG is byte-identical too";
  o.dpi = 1000;
  EXPECT_THROW(render(r, o), Error);
  o.dpi = 144;
  o.format = "pdf";
  EXPECT_EQ(render(r, o).substr(0, 5), "%PDF-");
  o.format = "dot";
  std::string laid_out = render(r, o);
  EXPECT_NE(laid_out.find("pos=\""), std::string::npos);
  EXPECT_EQ(to_dot(r).find("pos=\""), std::string::npos);
  o.format = "gif";
  EXPECT_THROW(render(r, o), Error);
  o.format = "svg";
  o.layout = "spring";
  EXPECT_THROW(render(r, o), Error);
}

TEST(RenderFormats, ToFileTakesTheFormatFromTheExtension) {
  namespace fs = std::filesystem;
  Result r = bundled().execute(kMicrosoftOpenAI);
  fs::path dir = fs::temp_directory_path() / "ergo_render_test";
  fs::create_directories(dir);
  RenderSummary s = render_to_file(r, (dir / "a.SVG").string());
  EXPECT_EQ(s.format, "svg");
  EXPECT_EQ(s.path, (dir / "a.SVG").string());
  EXPECT_EQ(testing::read_all(dir / "a.SVG").substr(0, 5), "<?xml");
  EXPECT_NE(s.describe().find("drew 2 nodes and "), std::string::npos);
  EXPECT_NE(s.describe().find(" to " + (dir / "a.SVG").string()), std::string::npos);
  EXPECT_EQ(render_to_file(r, (dir / "a.gv").string()).format, "dot");
  EXPECT_THROW(render_to_file(r, (dir / "a.txt").string()), Error);
  try {
    render_to_file(r, (dir / "missing" / "a.svg").string());
    FAIL() << "expected an io_error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::io_error);
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace ergo
