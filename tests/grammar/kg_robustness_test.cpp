// The .kg parser never crashes, hangs or misplaces an error: a valid file is
// mutated a few thousand times (bytes deleted, inserted, replaced; fixed
// seed), and every result must either parse or carry a well-placed error.
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>

#include "grammar/kg/parse_kg.hpp"
#include "grammar/text/unicode.hpp"

namespace ergo::kg {
namespace {

const std::string valid_file =
    "\xEF\xBB\xBF# The Microsoft–OpenAI partnership\r\n"
    "@source 001_009795713d7dc0a1\n"
    "\n"
    "Microsoft : Company:Org aka \"마이크로소프트\", MS {founded: 1975, tags: ['ai', \"cloud\"]}\n"
    "OpenAI    : Company aka \"오픈AI\", 'Open\\u0041I'  # comment\n"
    "\"Sam Altman\" : Person aka \"샘 올트먼\"\n"
    "Microsoft INVESTS_IN OpenAI {amount: 1_000_000_000 USD, date: 2019-07-22, m: 2023-12} @12\n"
    "\"Sam Altman\" CEO_OF OpenAI {status: \"former\\n\", x: -2.5e-3, n: null, ok: true, "
    "nested: {a: [1, [2, {b: []}]]}} @14\n";

// xorshift64*: small, fast and the same everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return state_ * 0x2545F4914F6CDD1DULL;
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }

 private:
  std::uint64_t state_;
};

// Bytes that matter to the grammar, plus ones that break UTF-8.
const std::string interesting = "\"'\\{}[]:,@#_-.0123456789eEuU \t\r\nAaz\xC3\xA9\xEA\xB0\x80\xFF\x80\xED";

std::string mutate(std::string text, Random& random) {
  std::size_t count = 1 + random.below(4);
  for (std::size_t i = 0; i < count; ++i) {
    std::size_t at = text.empty() ? 0 : random.below(text.size() + 1);
    char byte = random.below(4) == 0 ? static_cast<char>(random.below(256))
                                     : interesting[random.below(interesting.size())];
    switch (random.below(3)) {
      case 0:
        if (at < text.size()) text.erase(at, 1 + random.below(3));
        break;
      case 1:
        text.insert(at, 1 + random.below(3), byte);
        break;
      default:
        if (at < text.size()) text[at] = byte;
        break;
    }
  }
  return text;
}

void check_span(const ParsedFile& file, Span span) {
  ASSERT_LE(span.begin, span.end);
  ASSERT_LE(span.end, file.source->text().size());
}

void check_value(const ParsedFile& file, const Value& value) {
  check_span(file, value.span);
  if (const auto* list = std::get_if<List>(&value.data)) {
    for (const Value& v : *list) check_value(file, v);
  }
  if (const auto* map = std::get_if<Map>(&value.data)) {
    for (const Property& p : *map) check_value(file, p.value);
  }
}

TEST(KgRobustness, TheValidFileParses) {
  ParsedFile file = parse_kg(std::make_shared<text::SourceText>("valid.kg", valid_file));
  EXPECT_EQ(text::render(file.diagnostics), "");
  EXPECT_EQ(file.statements.size(), 6u);
}

TEST(KgRobustness, MutatedFilesNeverCrashAndPlaceErrorsWell) {
  Random random(0x6b67'5f70'6172'7365ULL);
  std::size_t with_errors = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string text = mutate(valid_file, random);
    auto source = std::make_shared<text::SourceText>("mutated.kg", text);
    ParsedFile file = parse_kg(source);
    SCOPED_TRACE("round " + std::to_string(round) + ":\n" + text);
    for (const text::Diagnostic& d : file.diagnostics) {
      ASSERT_EQ(d.severity, text::Severity::error);
      ASSERT_FALSE(d.message.empty());
      ASSERT_GE(d.line, 1u);
      ASSERT_LE(d.line, source->line_count());
      ASSERT_GE(d.column, 1u);
      std::string_view line = source->line_text(d.line);
      ASSERT_LE(d.column, text::code_points(line) + 1) << d.message;
      ASSERT_FALSE(text::find_invalid_utf8(d.line_text).has_value());
      ASSERT_FALSE(text::render(d).empty());
    }
    // One diagnostic per bad line, each on a different line, in order.
    for (std::size_t i = 1; i < file.diagnostics.size(); ++i) {
      ASSERT_LT(file.diagnostics[i - 1].line, file.diagnostics[i].line);
    }
    for (const Statement& s : file.statements) {
      std::visit(
          [&](const auto& statement) {
            check_span(file, statement.span);
            using T = std::decay_t<decltype(statement)>;
            if constexpr (std::is_same_v<T, Fact>) {
              check_span(file, statement.subject.span);
              check_span(file, statement.object.span);
              for (const Property& p : statement.properties) check_value(file, p.value);
            } else if constexpr (std::is_same_v<T, EntityDecl>) {
              for (const Property& p : statement.properties) check_value(file, p.value);
            }
          },
          s);
    }
    if (!file.diagnostics.empty()) ++with_errors;
  }
  // The mutations must actually exercise the error paths.
  EXPECT_GT(with_errors, 2000u);
}

}  // namespace
}  // namespace ergo::kg
