// Node styles: a label ergo does not know gets a colour no known label has
// (a CSV import's :Country must not look like :Product), the same one in
// every answer.
#include <gtest/gtest.h>

#include <set>

#include "engine/render/style.hpp"

namespace ergo::diagram {
namespace {

TEST(RenderStyle, CustomLabelsNeverTakeAKnownLabelsColour) {
  std::set<std::string> known;
  for (const char* label : {"Document", "Event", "Alliance", "Person", "Model", "Service", "Product", "Company",
                            "Organization", "Technology"}) {
    known.insert(node_style({label}).fill);
  }
  ASSERT_EQ(known.size(), 10u);
  std::set<std::string> custom;
  for (const char* label : {"Country", "City", "Robot", "Paper", "Team", "Fund", "Law", "Region", "국가", "X"}) {
    NodeStyle s = node_style({label});
    EXPECT_EQ(known.count(s.fill), 0u) << label << " " << s.fill;
    EXPECT_EQ(node_style({label}).fill, s.fill) << "not deterministic for " << label;
    custom.insert(s.fill);
  }
  EXPECT_GT(custom.size(), 3u);  // spread over the palette, not one colour
}

}  // namespace
}  // namespace ergo::diagram
