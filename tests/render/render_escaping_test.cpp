// Escaping: names and properties full of quotes, backslashes, markup,
// entities, newlines and Graphviz escapes (\N, \G, \E, \n, \l) must show as
// the text they are, in the SVG and after a round trip of the DOT through
// cgraph's own parser, and must never add an element or attribute.
#include <graphviz/cgraph.h>
#include <gtest/gtest.h>

#include <memory>

#include "engine/render/escape.hpp"
#include "tests/render/render_test_support.hpp"

namespace ergo {
namespace {

const std::string kScript = "\"><script>alert(1)</script>";
const std::string kEscapes = "back\\slash \\N \\G \\E \\n \\l end\\";
const std::string kHtml = "<b>bold</b> & &amp; &lt; ' \" ]]> <!-- x -->";

// A database holding three hostile nodes joined by hostile relationships.
Database& hostile() {
  static Database db = [] {
    Database d;
    Params p{{"script", Value(kScript)}, {"escapes", Value(kEscapes)}, {"html", Value(kHtml)},
             {"lines", Value(std::string("first line\nsecond line\r\nthird\ttabbed"))}};
    d.execute(
        "CREATE (a:Company {name: $script, note: $html})"
        "-[:`WEIRD<TYPE>` {role: $html, source: $script, line: 7}]->"
        "(b:`Label\"<x>` {name: $escapes, aliases: [$lines]})"
        "-[:REL {status: $escapes}]->(c:Person {name: $lines})",
        p);
    return d;
  }();
  return db;
}

Result everything() { return hostile().execute("MATCH (a)-[r]->(b) RETURN a, r, b"); }

TEST(RenderEscaping, SvgShowsTheTextAndNoInjectedElement) {
  std::string svg = render(everything());
  for (const std::string& name : testing::element_names(svg)) {
    EXPECT_TRUE(testing::graphviz_svg_elements().count(name)) << "unexpected element <" << name << ">";
  }
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
  EXPECT_NE(svg.find(">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</text>"), std::string::npos);
  // Backslash escapes stay literal: \N is not the node's id, \G not the graph's name.
  EXPECT_NE(svg.find(">back\\slash \\N \\G \\E \\n \\l end\\</text>"), std::string::npos);
  // A newline in a name breaks the line; a tab becomes a space.
  EXPECT_NE(svg.find(">first line</text>"), std::string::npos);
  EXPECT_NE(svg.find(">second line</text>"), std::string::npos);
  EXPECT_NE(svg.find(">third tabbed</text>"), std::string::npos);
  // Entities in data stay entities as text.
  EXPECT_NE(svg.find("&amp;amp; &amp;lt;"), std::string::npos);
  // The relationship type and the label as text in the edge label and legend.
  EXPECT_NE(svg.find(">WEIRD&lt;TYPE&gt;</text>"), std::string::npos);
  EXPECT_NE(svg.find("Label&quot;&lt;x&gt;</text>"), std::string::npos);
}

TEST(RenderEscaping, TooltipsCarryTheExactText) {
  std::string svg = render(everything());
  EXPECT_NE(svg.find("xlink:title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; (:Company)&#10;"),
            std::string::npos);
  EXPECT_NE(svg.find("source: &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;, line 7"), std::string::npos);
  EXPECT_NE(svg.find("status: back\\slash \\N \\G \\E \\n \\l end\\"), std::string::npos);
  EXPECT_NE(svg.find("note: &lt;b&gt;bold&lt;/b&gt; &amp; &amp;amp; &amp;lt; &#39; &quot; ]]&gt;"),
            std::string::npos);
}

TEST(RenderEscaping, DotReadsBackWithTheSameValues) {
  Result r = everything();
  std::string dot = to_dot(r);
  std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> g(agmemread(dot.c_str()), agclose);
  ASSERT_TRUE(g) << dot;
  EXPECT_EQ(agnnodes(g.get()), 3);
  EXPECT_EQ(agnedges(g.get()), 2);
  NodeRef a = r.row(0)[0].as_node();
  std::string name = "n" + std::to_string(a.id);
  Agnode_t* n = agnode(g.get(), name.data(), 0);
  ASSERT_TRUE(n);
  EXPECT_EQ(std::string(agget(n, const_cast<char*>("label"))), diagram::escape_label(kScript));
  NodeRef b = r.row(0)[2].as_node();
  name = "n" + std::to_string(b.id);
  n = agnode(g.get(), name.data(), 0);
  ASSERT_TRUE(n);
  EXPECT_EQ(std::string(agget(n, const_cast<char*>("label"))), diagram::escape_label(kEscapes));
}

TEST(RenderEscaping, Rules) {
  using namespace diagram;
  EXPECT_EQ(escape_label("a\\N&b\nc"), "a\\\\N&amp;b\\nc");
  EXPECT_EQ(escape_tooltip("a\\N&b\nc"), "a\\\\\\\\N&amp;b\\nc");
  EXPECT_EQ(escape_html("<a href='x'>\\G & \"</a>\n"), "&lt;a href=&#39;x&#39;&gt;\\\\G &amp; &quot;&lt;/a&gt;<BR/>");
  EXPECT_EQ(clean_text("a\r\nb\rc\td\x01"), "a\nb\nc d\xEF\xBF\xBD");
  EXPECT_EQ(clean_text("ok\xC3(bad)"), "ok\xEF\xBF\xBD(bad)");
  EXPECT_EQ(clean_text("한국어"), "한국어");
}

}  // namespace
}  // namespace ergo
