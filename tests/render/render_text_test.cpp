// The words of a diagram: money ("$1B", "1.18T KRW"), counts, month dates,
// truncation by display width, and the Hangul test behind the Korean alias.
#include <gtest/gtest.h>

#include "engine/render/dot_builder.hpp"
#include "engine/render/text_format.hpp"
#include "ergo/error.hpp"
#include "ergo/render.hpp"

namespace ergo::diagram {
namespace {

TEST(RenderText, Money) {
  EXPECT_EQ(format_money(1'000'000'000, "USD"), "$1B");
  EXPECT_EQ(format_money(10'000'000'000, "USD"), "$10B");
  EXPECT_EQ(format_money(1'180'000'000'000, "KRW"), "1.18T KRW");
  EXPECT_EQ(format_money(13'500'000'000, "EUR"), "€13.5B");
  EXPECT_EQ(format_money(250'000'000, "USD"), "$250M");
  EXPECT_EQ(format_money(999'600'000'000, "USD"), "$1T");
  EXPECT_EQ(format_money(1'234, "USD"), "$1,234");
  EXPECT_EQ(format_money(12'345, "USD"), "$12.3K");
  EXPECT_EQ(format_money(-2'000'000, "USD"), "-$2M");
  EXPECT_EQ(format_money(5'000'000'000, ""), "5B");
}

TEST(RenderText, CountsDatesAndTruncation) {
  EXPECT_EQ(format_count(0), "0");
  EXPECT_EQ(format_count(1234567), "1,234,567");
  Map month{{"date", Value(*Date::parse("2015-12-01"))}, {"date_precision", Value("month")}};
  EXPECT_EQ(display_date(month, "date"), "2015-12");
  Map day{{"date", Value(*Date::parse("2019-07-22"))}};
  EXPECT_EQ(display_date(day, "date"), "2019-07-22");
  EXPECT_EQ(display_date(day, "year"), "");
  EXPECT_EQ(truncate_text("short", 10), "short");
  EXPECT_EQ(truncate_text("a longer name", 8), "a longe…");
  EXPECT_EQ(truncate_text("마이크로소프트", 7), "마이크…");  // Hangul is two columns wide
}

TEST(RenderText, TemporalValuesInCaptions) {
  // A caption shows a temporal value as its ISO text, as the table does.
  EXPECT_EQ(display_value(Value(*DateTime::parse("2019-07-22T09:30[Asia/Seoul]"))),
            "2019-07-22T09:30:00+09:00[Asia/Seoul]");
  EXPECT_EQ(display_value(Value(*Duration::parse("P1Y2M"))), "P1Y2M");
  EXPECT_EQ(display_value(Value(*LocalTime::parse("09:30"))), "09:30:00");
  Map deal{{"at", Value(*LocalDateTime::parse("2019-07-22T09:30"))}};
  EXPECT_EQ(display_date(deal, "at"), "2019-07-22T09:30:00");
}

TEST(RenderText, Hangul) {
  EXPECT_TRUE(contains_hangul("오픈AI"));
  EXPECT_TRUE(contains_hangul("GPT 시리즈"));
  EXPECT_FALSE(contains_hangul("OpenAI"));
  EXPECT_FALSE(contains_hangul("日本語"));
}

TEST(RenderText, AutoLayoutRule) {
  // dot up to 150 nodes with at most 80 relationships more than nodes.
  EXPECT_EQ(resolve_layout("auto", 150, 230), "dot");
  EXPECT_EQ(resolve_layout("auto", 150, 231), "sfdp");
  EXPECT_EQ(resolve_layout("auto", 151, 100), "sfdp");
  EXPECT_EQ(resolve_layout("auto", 60, 151), "sfdp");
  EXPECT_EQ(resolve_layout("auto", 0, 0), "dot");
  EXPECT_EQ(resolve_layout("circo", 1000, 5000), "circo");
  EXPECT_THROW(resolve_layout("spring", 1, 1), Error);
}

TEST(RenderText, FormatsAndLayouts) {
  EXPECT_EQ(render_format_for_path("a/b.PNG"), "png");
  EXPECT_EQ(render_format_for_path("x.gv"), "dot");
  EXPECT_EQ(render_format_for_path("x.pdf"), "pdf");
  EXPECT_EQ(render_format_for_path("x"), "");
  EXPECT_EQ(render_layouts().front(), "auto");
  EXPECT_EQ(render_formats().size(), 4u);
}

}  // namespace
}  // namespace ergo::diagram
