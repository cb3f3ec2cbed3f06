// Names an attacker or a broken generator writes (issue 18): a lone U+FEFF,
// bidi overrides, controls, noncharacters, markup, CDATA ends, quotes,
// backslashes and 100 KB of text. The DOT must read back with Graphviz's
// parser, the SVG must be well-formed XML (xmllint --noout), and invisible
// characters must show as their code points.
#include <graphviz/cgraph.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

#include "engine/render/escape.hpp"
#include "tests/render/render_test_support.hpp"

namespace ergo {
namespace {

const std::vector<std::string>& hostile_names() {
  static const std::vector<std::string> names = {
      "\xEF\xBB\xBF",                                     // U+FEFF alone
      "\xEF\xBB\xBF" "BOM first",                         // and leading
      "safe\xE2\x80\xAE" "txt.exe",                       // RIGHT-TO-LEFT OVERRIDE
      "\xE2\x81\xA6isolate\xE2\x81\xA9 \xE2\x80\x8B",     // isolates, zero width space
      "ctl \x01\x02\x1b[31m\x7f end",                     // C0 controls, an ANSI escape
      "\xC2\x85 next line \xC2\x9F",                      // C1 controls
      "\xEF\xBF\xBE\xEF\xBF\xBF",                         // noncharacters, not allowed in XML
      "]]> <![CDATA[ x ]]>",
      "<script>alert(1)</script>",
      "quote\" apostrophe' back\\slash \\N \\\"",
      std::string(100 * 1024, 'x'),
      std::string(50 * 1024, '\\') + std::string(50 * 1024, '"'),
  };
  return names;
}

Result drawn(Database& db, const std::string& name) {
  return db.execute(
      "CREATE (a:Company {name: $n, note: $n})-[r:INVESTS_IN {context: $n, source: $n, line: 1}]->"
      "(b:Person {name: 'b', aliases: [$n]}) RETURN a, r, b",
      {{"n", name}});
}

TEST(RenderHostile, DotReadsBackWithGraphviz) {
  for (const std::string& name : hostile_names()) {
    Database db;
    Result r = drawn(db, name);
    for (bool korean : {false, true}) {
      RenderOptions options;
      options.korean = korean;
      std::string dot = to_dot(r, options);
      std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> g(agmemread(dot.c_str()), agclose);
      ASSERT_TRUE(g) << name.substr(0, 40);
      EXPECT_EQ(agnnodes(g.get()), 2) << name.substr(0, 40);
      EXPECT_EQ(agnedges(g.get()), 1) << name.substr(0, 40);
    }
  }
}

TEST(RenderHostile, SvgIsWellFormedXml) {
  if (std::system("command -v xmllint > /dev/null 2>&1") != 0) {
    GTEST_SKIP() << "xmllint is not installed (tools/setup.sh installs libxml2-utils)";
  }
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() / ("ergo-render-hostile-" + std::to_string(::getpid()) + ".svg");
  for (const std::string& name : hostile_names()) {
    Database db;
    std::string svg = render(drawn(db, name));
    std::ofstream(file, std::ios::binary | std::ios::trunc) << svg;
    const std::string command = "xmllint --noout '" + file.string() + "' 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << name.substr(0, 40);
    for (const std::string& element : testing::element_names(svg)) {
      EXPECT_TRUE(testing::graphviz_svg_elements().count(element)) << "<" << element << "> for " << name.substr(0, 40);
    }
  }
  std::filesystem::remove(file);
}

TEST(RenderHostile, InvisibleCharactersShowAsCodePoints) {
  using diagram::clean_text;
  EXPECT_EQ(clean_text("\xEF\xBB\xBF"), "<U+FEFF>");
  EXPECT_EQ(clean_text("safe\xE2\x80\xAEtxt"), "safe<U+202E>txt");
  EXPECT_EQ(clean_text("\xE2\x81\xA6x\xE2\x81\xA9\xE2\x80\x8B\xE2\x80\x8F"), "<U+2066>x<U+2069><U+200B><U+200F>");
  // Joiners stay: emoji and many scripts need them.
  EXPECT_EQ(clean_text("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB"), "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB");
  EXPECT_EQ(clean_text("\xC2\x85\xEF\xBF\xBE\xEF\xBF\xBF"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(clean_text("é 한 \xF0\x9F\x98\x80"), "é 한 \xF0\x9F\x98\x80");

  Database db;
  Result r = drawn(db, "\xEF\xBB\xBF");
  std::string dot = to_dot(r);
  EXPECT_NE(dot.find("label=\"<U+FEFF>\""), std::string::npos) << dot;
  std::string svg = render(r);
  EXPECT_NE(svg.find(">&lt;U+FEFF&gt;</text>"), std::string::npos);
}

}  // namespace
}  // namespace ergo
