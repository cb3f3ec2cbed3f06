// The .kg parser on valid input: every statement and value kind comes out
// exactly, with spans pointing at the right bytes; comments, blank lines,
// CRLF and a BOM are handled; every bad line is reported, in order.
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>

#include "grammar/kg/parse_kg.hpp"

namespace ergo::kg {
namespace {

ParsedFile parse(std::string text) {
  return parse_kg(std::make_shared<text::SourceText>("test.kg", std::move(text)));
}

std::string_view slice(const ParsedFile& file, Span span) {
  EXPECT_LE(span.begin, span.end);
  EXPECT_LE(span.end, file.source->text().size());
  return std::string_view(file.source->text()).substr(span.begin, span.end - span.begin);
}

// The only statement of a file that must parse cleanly.
template <typename T>
const T& only(const ParsedFile& file) {
  EXPECT_EQ(text::render(file.diagnostics), "");
  EXPECT_EQ(file.statements.size(), 1u);
  static const T empty{};
  if (file.statements.size() != 1 || !std::holds_alternative<T>(file.statements[0])) {
    ADD_FAILURE() << "not the expected statement kind";
    return empty;
  }
  return std::get<T>(file.statements[0]);
}

const Value& property(const Map& map, std::string_view key) {
  for (const Property& p : map) {
    if (p.key == key) return p.value;
  }
  static const Value none;
  ADD_FAILURE() << "no property " << key;
  return none;
}

TEST(KgParser, EmptyAndBlankFiles) {
  for (const char* text : {"", "\n", "   \n\t\n", "# only a comment", "\r\n\r\n", "  # indented comment\n"}) {
    ParsedFile file = parse(text);
    EXPECT_TRUE(file.statements.empty()) << text;
    EXPECT_TRUE(file.diagnostics.empty()) << text;
  }
}

TEST(KgParser, DocumentExample) {
  ParsedFile file = parse(
      "# The Microsoft–OpenAI partnership (comments start with '#')\n"
      "@source 001_009795713d7dc0a1\n"
      "\n"
      "Microsoft : Company aka \"마이크로소프트\", MS {founded: 1975}\n"
      "OpenAI    : Company aka \"오픈AI\"\n"
      "\"Sam Altman\" : Person aka \"샘 올트먼\"\n"
      "\n"
      "Microsoft INVESTS_IN OpenAI {amount: 1_000_000_000 USD, date: 2019-07-22} @12\n"
      "\"Sam Altman\" CEO_OF OpenAI {status: \"former\"} @14\n");
  ASSERT_EQ(text::render(file.diagnostics), "");
  ASSERT_EQ(file.statements.size(), 6u);

  const auto& source = std::get<SourceDirective>(file.statements[0]);
  EXPECT_EQ(source.document.text, "001_009795713d7dc0a1");

  const auto& microsoft = std::get<EntityDecl>(file.statements[1]);
  EXPECT_EQ(microsoft.name.text, "Microsoft");
  ASSERT_EQ(microsoft.labels.size(), 1u);
  EXPECT_EQ(microsoft.labels[0].text, "Company");
  ASSERT_EQ(microsoft.aliases.size(), 2u);
  EXPECT_EQ(microsoft.aliases[0].text, "마이크로소프트");
  EXPECT_EQ(microsoft.aliases[1].text, "MS");
  ASSERT_EQ(microsoft.properties.size(), 1u);
  EXPECT_EQ(microsoft.properties[0].key, "founded");
  EXPECT_EQ(std::get<std::int64_t>(microsoft.properties[0].value.data), 1975);

  const auto& sam = std::get<EntityDecl>(file.statements[3]);
  EXPECT_EQ(sam.name.text, "Sam Altman");
  EXPECT_EQ(sam.aliases.at(0).text, "샘 올트먼");

  const auto& invests = std::get<Fact>(file.statements[4]);
  EXPECT_EQ(invests.subject.text, "Microsoft");
  EXPECT_EQ(invests.type.text, "INVESTS_IN");
  EXPECT_EQ(invests.object.text, "OpenAI");
  EXPECT_EQ(invests.line, 12);
  const auto& amount = std::get<Money>(property(invests.properties, "amount").data);
  EXPECT_EQ(std::get<std::int64_t>(amount.amount), 1'000'000'000);
  EXPECT_EQ(amount.currency, "USD");
  const auto& date = std::get<Date>(property(invests.properties, "date").data);
  EXPECT_EQ(date.year, 2019);
  EXPECT_EQ(date.month, 7);
  EXPECT_EQ(date.day, 22);
  EXPECT_EQ(date.precision, Date::Precision::day);

  const auto& ceo = std::get<Fact>(file.statements[5]);
  EXPECT_EQ(ceo.subject.text, "Sam Altman");
  EXPECT_EQ(std::get<std::string>(property(ceo.properties, "status").data), "former");
  EXPECT_EQ(ceo.line, 14);
}

TEST(KgParser, EveryValueKind) {
  ParsedFile file = parse(
      "A R B {s: \"text\", s2: 'single', empty: \"\", i: 42, neg: -7, big: 1_000_000, "
      "max: 9223372036854775807, min: -9223372036854775808, f: 3.5, nf: -0.25, e: 1e9, "
      "e2: 2.5e-3, E: 1E+2, t: true, no: false, nothing: null, d: 2019-07-22, m: 2023-12, "
      "leap: 2024-02-29, usd: 10_000_000_000 USD, krw: 1.5 KRW, loss: -3 EUR, "
      "list: [\"a\", 'b'], nums: [1, 2], none: [], nested: {k: 1, deeper: {x: [true, null]}}, "
      "mixed: [1, \"two\", [3], {four: 4}], nomap: {}}");
  const Fact& fact = only<Fact>(file);
  const Map& p = fact.properties;
  ASSERT_EQ(p.size(), 28u);
  EXPECT_EQ(std::get<std::string>(property(p, "s").data), "text");
  EXPECT_EQ(std::get<std::string>(property(p, "s2").data), "single");
  EXPECT_EQ(std::get<std::string>(property(p, "empty").data), "");
  EXPECT_EQ(std::get<std::int64_t>(property(p, "i").data), 42);
  EXPECT_EQ(std::get<std::int64_t>(property(p, "neg").data), -7);
  EXPECT_EQ(std::get<std::int64_t>(property(p, "big").data), 1'000'000);
  EXPECT_EQ(std::get<std::int64_t>(property(p, "max").data), INT64_MAX);
  EXPECT_EQ(std::get<std::int64_t>(property(p, "min").data), INT64_MIN);
  EXPECT_EQ(std::get<double>(property(p, "f").data), 3.5);
  EXPECT_EQ(std::get<double>(property(p, "nf").data), -0.25);
  EXPECT_EQ(std::get<double>(property(p, "e").data), 1e9);
  EXPECT_EQ(std::get<double>(property(p, "e2").data), 2.5e-3);
  EXPECT_EQ(std::get<double>(property(p, "E").data), 100.0);
  EXPECT_EQ(std::get<bool>(property(p, "t").data), true);
  EXPECT_EQ(std::get<bool>(property(p, "no").data), false);
  EXPECT_TRUE(std::holds_alternative<Null>(property(p, "nothing").data));

  const auto& m = std::get<Date>(property(p, "m").data);
  EXPECT_EQ(m.year, 2023);
  EXPECT_EQ(m.month, 12);
  EXPECT_EQ(m.day, 1);
  EXPECT_EQ(m.precision, Date::Precision::month);
  EXPECT_EQ(std::get<Date>(property(p, "leap").data).day, 29);

  const auto& usd = std::get<Money>(property(p, "usd").data);
  EXPECT_EQ(std::get<std::int64_t>(usd.amount), 10'000'000'000);
  EXPECT_EQ(usd.currency, "USD");
  const auto& krw = std::get<Money>(property(p, "krw").data);
  EXPECT_EQ(std::get<double>(krw.amount), 1.5);
  EXPECT_EQ(krw.currency, "KRW");
  EXPECT_EQ(std::get<std::int64_t>(std::get<Money>(property(p, "loss").data).amount), -3);

  const auto& list = std::get<List>(property(p, "list").data);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(std::get<std::string>(list[1].data), "b");
  EXPECT_TRUE(std::get<List>(property(p, "none").data).empty());
  EXPECT_TRUE(std::get<Map>(property(p, "nomap").data).empty());

  const auto& nested = std::get<Map>(property(p, "nested").data);
  ASSERT_EQ(nested.size(), 2u);
  EXPECT_EQ(nested[0].key, "k");
  const auto& deeper = std::get<Map>(nested[1].value.data);
  const auto& x = std::get<List>(deeper.at(0).value.data);
  EXPECT_EQ(std::get<bool>(x.at(0).data), true);
  EXPECT_TRUE(std::holds_alternative<Null>(x.at(1).data));

  const auto& mixed = std::get<List>(property(p, "mixed").data);
  ASSERT_EQ(mixed.size(), 4u);
  EXPECT_EQ(std::get<std::string>(mixed[1].data), "two");
  EXPECT_EQ(std::get<std::int64_t>(std::get<List>(mixed[2].data).at(0).data), 3);
  EXPECT_EQ(std::get<Map>(mixed[3].data).at(0).key, "four");
}

TEST(KgParser, Names) {
  ParsedFile file = parse(
      "오픈AI : Company aka 'Open AI', \"\\\"Open\\\" \\u00e9\\uAC00\", 'it\\'s', \"a\\\\b\\n\\t\"\n"
      "GPT-4 : Model aka gpt_4.0, AT&T, C++, TCP/IP, Llama-2, 3M\n"
      "\"Sam Altman\" CEO_OF 오픈AI\n"
      "'single' _type \"double\"\n");
  ASSERT_EQ(text::render(file.diagnostics), "");
  ASSERT_EQ(file.statements.size(), 4u);
  const auto& openai = std::get<EntityDecl>(file.statements[0]);
  EXPECT_EQ(openai.name.text, "오픈AI");
  ASSERT_EQ(openai.aliases.size(), 4u);
  EXPECT_EQ(openai.aliases[0].text, "Open AI");
  EXPECT_EQ(openai.aliases[1].text, "\"Open\" \xC3\xA9\xEA\xB0\x80");
  EXPECT_EQ(openai.aliases[2].text, "it's");
  EXPECT_EQ(openai.aliases[3].text, "a\\b\n\t");

  const auto& gpt = std::get<EntityDecl>(file.statements[1]);
  EXPECT_EQ(gpt.name.text, "GPT-4");
  std::vector<std::string> aliases;
  for (const Name& n : gpt.aliases) aliases.push_back(n.text);
  EXPECT_EQ(aliases, (std::vector<std::string>{"gpt_4.0", "AT&T", "C++", "TCP/IP", "Llama-2", "3M"}));

  const auto& ceo = std::get<Fact>(file.statements[2]);
  EXPECT_EQ(ceo.subject.text, "Sam Altman");
  EXPECT_EQ(ceo.object.text, "오픈AI");
  EXPECT_FALSE(ceo.line.has_value());

  const auto& quoted = std::get<Fact>(file.statements[3]);
  EXPECT_EQ(quoted.subject.text, "single");
  EXPECT_EQ(quoted.type.text, "_type");
  EXPECT_EQ(quoted.object.text, "double");
}

TEST(KgParser, FactSpans) {
  //                   0         1         2         3         4         5
  //                   0123456789012345678901234567890123456789012345678901234567
  ParsedFile file = parse("  \"Sam Altman\" CEO_OF OpenAI {status: 'former', n: 5 USD} @14  # note");
  const Fact& fact = only<Fact>(file);
  EXPECT_EQ(fact.subject.span.begin, 2u);
  EXPECT_EQ(fact.subject.span.end, 14u);
  EXPECT_EQ(slice(file, fact.subject.span), "\"Sam Altman\"");
  EXPECT_EQ(slice(file, fact.type.span), "CEO_OF");
  EXPECT_EQ(fact.type.span.begin, 15u);
  EXPECT_EQ(slice(file, fact.object.span), "OpenAI");
  ASSERT_EQ(fact.properties.size(), 2u);
  EXPECT_EQ(slice(file, fact.properties[0].span), "status: 'former'");
  EXPECT_EQ(slice(file, fact.properties[0].value.span), "'former'");
  EXPECT_EQ(slice(file, fact.properties[1].span), "n: 5 USD");
  EXPECT_EQ(slice(file, fact.properties[1].value.span), "5 USD");
  EXPECT_EQ(slice(file, fact.line_span), "@14");
  EXPECT_EQ(slice(file, fact.span), "\"Sam Altman\" CEO_OF OpenAI {status: 'former', n: 5 USD} @14");
}

TEST(KgParser, DeclarationAndDirectiveSpans) {
  ParsedFile file = parse(
      "@source   'doc 1'   # the document\n"
      "IBM : Company:Org aka \"아이비엠\", Big-Blue {founded: 1911, tags: [\"a\", {k: 2023-12}]}\n");
  ASSERT_EQ(text::render(file.diagnostics), "");
  ASSERT_EQ(file.statements.size(), 2u);
  const auto& source = std::get<SourceDirective>(file.statements[0]);
  EXPECT_EQ(source.document.text, "doc 1");
  EXPECT_EQ(slice(file, source.document.span), "'doc 1'");
  EXPECT_EQ(slice(file, source.span), "@source   'doc 1'");

  const auto& ibm = std::get<EntityDecl>(file.statements[1]);
  EXPECT_EQ(slice(file, ibm.name.span), "IBM");
  EXPECT_EQ(ibm.name.span.begin, 35u);
  ASSERT_EQ(ibm.labels.size(), 2u);
  EXPECT_EQ(ibm.labels[1].text, "Org");
  EXPECT_EQ(slice(file, ibm.labels[0].span), "Company");
  EXPECT_EQ(slice(file, ibm.labels[1].span), "Org");
  EXPECT_EQ(slice(file, ibm.aliases[0].span), "\"아이비엠\"");
  EXPECT_EQ(slice(file, ibm.aliases[1].span), "Big-Blue");
  const Value& tags = property(ibm.properties, "tags");
  EXPECT_EQ(slice(file, tags.span), "[\"a\", {k: 2023-12}]");
  const auto& list = std::get<List>(tags.data);
  EXPECT_EQ(slice(file, list[1].span), "{k: 2023-12}");
  const auto& inner = std::get<Map>(list[1].data);
  EXPECT_EQ(slice(file, inner[0].span), "k: 2023-12");
  EXPECT_EQ(slice(file, inner[0].value.span), "2023-12");
  EXPECT_EQ(slice(file, ibm.span), std::string_view(file.source->text()).substr(35, ibm.span.end - 35));
  EXPECT_EQ(ibm.span.end, file.source->text().size() - 1);  // up to the newline
}

TEST(KgParser, CommentsAndWhitespace) {
  ParsedFile file = parse(
      "# header\n"
      "\n"
      "\t A\tREL\t B  # trailing comment with \"quotes\" and {braces\n"
      "   \n"
      "C REL D {note: \"# not a comment\"}#tight comment\n"
      "X : L # 'aka' here is a comment\n");
  ASSERT_EQ(text::render(file.diagnostics), "");
  ASSERT_EQ(file.statements.size(), 3u);
  const auto& first = std::get<Fact>(file.statements[0]);
  EXPECT_EQ(first.subject.text, "A");
  EXPECT_EQ(slice(file, first.span), "A\tREL\t B");
  EXPECT_EQ(std::get<std::string>(std::get<Fact>(file.statements[1]).properties[0].value.data),
            "# not a comment");
  EXPECT_TRUE(std::get<EntityDecl>(file.statements[2]).aliases.empty());
}

TEST(KgParser, CrLfLineEndings) {
  ParsedFile file = parse("A : X\r\nA R B {k: 1}\r\n\r\nbad line here too\r\nC R D @3\r\n");
  ASSERT_EQ(file.statements.size(), 3u);
  const auto& fact = std::get<Fact>(file.statements[1]);
  EXPECT_EQ(slice(file, fact.span), "A R B {k: 1}");
  EXPECT_EQ(std::get<Fact>(file.statements[2]).line, 3);
  ASSERT_EQ(file.diagnostics.size(), 1u);
  EXPECT_EQ(text::render(file.diagnostics),
            "test.kg:4:15: error: unexpected 'too' after the end of the statement"
            " (names with spaces need quotes)\n"
            "bad line here too\n"
            "              ^~~\n");
}

TEST(KgParser, ByteOrderMark) {
  ParsedFile file = parse("\xEF\xBB\xBF" "A : Company\n");
  const EntityDecl& decl = only<EntityDecl>(file);
  EXPECT_EQ(decl.name.text, "A");
  EXPECT_EQ(decl.name.span.begin, 3u);

  ParsedFile bad = parse("\xEF\xBB\xBF" "{x: 1}\n{y: 2}\n");
  ASSERT_EQ(bad.diagnostics.size(), 2u);
  EXPECT_EQ(bad.diagnostics[0].line, 1u);
  EXPECT_EQ(bad.diagnostics[0].column, 1u);  // the BOM is not a column
  EXPECT_EQ(bad.diagnostics[0].line_text, "{x: 1}");
  EXPECT_EQ(bad.diagnostics[1].column, 1u);
}

TEST(KgParser, ColumnsCountCodePoints) {
  ParsedFile file = parse("마이크로소프트 INVESTS_IN {amount: 1 USD}\n");
  ASSERT_EQ(file.diagnostics.size(), 1u);
  const text::Diagnostic& d = file.diagnostics[0];
  EXPECT_EQ(d.line, 1u);
  EXPECT_EQ(d.column, 20u);  // 7 Hangul syllables, a space, INVESTS_IN, a space
  EXPECT_EQ(d.message, "expected the object's name after the relationship type");
  EXPECT_EQ(text::render(d),
            "test.kg:1:20: error: expected the object's name after the relationship type\n"
            "마이크로소프트 INVESTS_IN {amount: 1 USD}\n"
            "                          ^\n");  // Hangul is two columns wide
}

TEST(KgParser, ErrorInsideHangulString) {
  ParsedFile file = parse("\"샘 올트먼\\q\" CEO_OF OpenAI\n");
  ASSERT_EQ(file.diagnostics.size(), 1u);
  EXPECT_EQ(file.diagnostics[0].column, 7u);
  EXPECT_EQ(file.diagnostics[0].message, "unknown escape '\\q' (use \\\" \\' \\\\ \\n \\t or \\uXXXX)");
  EXPECT_EQ(file.diagnostics[0].caret_indent, 10u);
  EXPECT_EQ(file.diagnostics[0].caret_width, 2u);
}

TEST(KgParser, EveryBadLineIsReportedInOrder) {
  ParsedFile file = parse(
      "A : Company\n"
      "A INVESTS_IN\n"           // 2: missing object
      "B : Company\n"
      "A R B {amount: 1 usd}\n"  // 4: bad currency
      "A R B {d: 2023-02-30}\n"  // 5: bad date
      "A R B\n"
      "@sorce x\n"               // 7: unknown directive
      "\"open\n");               // 8: unterminated
  EXPECT_EQ(file.statements.size(), 3u);
  ASSERT_EQ(file.diagnostics.size(), 5u);
  EXPECT_EQ(file.diagnostics[0].line, 2u);
  EXPECT_EQ(file.diagnostics[1].line, 4u);
  EXPECT_EQ(file.diagnostics[2].line, 5u);
  EXPECT_EQ(file.diagnostics[3].line, 7u);
  EXPECT_EQ(file.diagnostics[4].line, 8u);
  EXPECT_EQ(file.diagnostics[2].message, "invalid date 2023-02-30: February 2023 has 28 days");
  for (const text::Diagnostic& d : file.diagnostics) EXPECT_EQ(d.severity, text::Severity::error);
}

TEST(KgParser, InvalidUtf8IsReportedAtItsColumn) {
  ParsedFile file = parse("A : Company\n한국 R \"a\xFF" "b\"\nB R C\n");
  ASSERT_EQ(file.diagnostics.size(), 1u);
  EXPECT_EQ(file.diagnostics[0].line, 2u);
  EXPECT_EQ(file.diagnostics[0].column, 8u);
  EXPECT_EQ(file.diagnostics[0].line_text, "한국 R \"a\xEF\xBF\xBD" "b\"");
  EXPECT_EQ(file.statements.size(), 2u);
}

TEST(KgParser, NestingLimit) {
  std::string ok = "A R B {a: " + std::string(63, '[') + std::string(63, ']') + "}";
  EXPECT_EQ(only<Fact>(parse(ok)).properties.size(), 1u);
  ParsedFile deep = parse("A R B {a: " + std::string(100000, '[') + "\n");
  ASSERT_EQ(deep.diagnostics.size(), 1u);
  EXPECT_EQ(deep.diagnostics[0].column, 11u + 63u);
  EXPECT_EQ(deep.diagnostics[0].message, "lists and maps nest too deeply (at most 64 levels)");
}

// The clarifications under "Fine print" in docs/data-format.md.
TEST(KgParser, FinePrint) {
  ParsedFile file = parse(
      "X : A : B\n"
      "A R B#comment without a space\n"
      "A R B {s: \"tab\there\", u: \"\\u00E9\\u00e9\", f: 1_000.000_1, g: 1e1_0, z: 0.5}\n"
      "Y : C {k: 1}\n");
  ASSERT_EQ(text::render(file.diagnostics), "");
  ASSERT_EQ(file.statements.size(), 4u);
  const auto& decl = std::get<EntityDecl>(file.statements[0]);
  ASSERT_EQ(decl.labels.size(), 2u);
  EXPECT_EQ(decl.labels[1].text, "B");
  EXPECT_EQ(std::get<Fact>(file.statements[1]).object.text, "B");
  const Map& p = std::get<Fact>(file.statements[2]).properties;
  EXPECT_EQ(std::get<std::string>(property(p, "s").data), "tab\there");
  EXPECT_EQ(std::get<std::string>(property(p, "u").data), "\xC3\xA9\xC3\xA9");
  EXPECT_EQ(std::get<double>(property(p, "f").data), 1000.0001);
  EXPECT_EQ(std::get<double>(property(p, "g").data), 1e10);

  for (const char* bad : {"A R B {f: .5}", "A R B {f: 5.}", "A R B {f: +5}", "A R B {b: True}",
                          "A R B {d: 2023-02-29}", "A R B {k: 1, k: 1}", "A R B {k: null, k: 1}",
                          "X : A @3", "@Source x", "A R B {m: 1 usd}", "A R B {s: \"\\uD83D\\uDE00\"}"}) {
    ParsedFile f = parse(bad);
    EXPECT_EQ(f.diagnostics.size(), 1u) << bad;
    EXPECT_TRUE(f.statements.empty()) << bad;
  }
}

TEST(KgParser, LastLineWithoutNewline) {
  ParsedFile file = parse("A R B @7");
  const Fact& fact = only<Fact>(file);
  EXPECT_EQ(fact.line, 7);
}

}  // namespace
}  // namespace ergo::kg
