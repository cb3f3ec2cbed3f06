// The Cypher parser's entry point (see parse_cypher.hpp): sets up the parse
// state, runs the statement rule, and turns what went wrong — a lexical
// error, a failed or short parse, a structural rule — into one diagnostic.
#include "grammar/cypher/parse_cypher.hpp"

#include <algorithm>
#include <limits>

#if defined(__linux__)
#include <pthread.h>
#endif

#include "grammar/cypher/config.hpp"
#include "grammar/cypher/statement.hpp"
#include "grammar/cypher/syntax_check.hpp"
#include "grammar/cypher/syntax_error.hpp"
#include "grammar/text/unicode.hpp"

namespace ergo::cypher {
namespace {

// The lowest address this thread's stack may grow to, less a reserve for
// reporting the error; null where the platform does not say.
const char* find_stack_floor() {
#if defined(__linux__)
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return nullptr;
  void* low = nullptr;
  std::size_t size = 0;
  int rc = pthread_attr_getstack(&attr, &low, &size);
  pthread_attr_destroy(&attr);
  if (rc != 0 || low == nullptr) return nullptr;
  const std::size_t reserve = std::min<std::size_t>(128 * 1024, size / 4);
  return static_cast<const char*>(low) + reserve;
#else
  return nullptr;
#endif
}

// Asking costs a read of /proc/self/maps on the main thread: once per thread.
const char* stack_floor() {
  thread_local const char* floor = find_stack_floor();
  return floor;
}

ParseResult failure(text::SourcePtr source, const parser::ErrorReport& report) {
  ParseResult result;
  result.source = source;
  SyntaxError error;
  error.diagnostic =
      text::make_diagnostic(*source, report.offset, report.length, text::Severity::error, report.message);
  error.detail = report.detail;
  error.span = {static_cast<std::uint32_t>(report.offset), static_cast<std::uint32_t>(report.offset + report.length)};
  result.error = std::move(error);
  return result;
}

// What stopped a parse. A lexical error (an unterminated string, a bad
// escape, nesting too deep) carries its own message; otherwise the message
// is made from what the parse recorded.
struct Failure {
  parser::ErrorReport report;
  bool lexical = false;
};

// One parse of the whole text into `statements`; nothing when it parsed.
// A parse that did not record has nothing to describe: its caller parses
// again, recording.
std::optional<Failure> parse_statements(const std::string& text, bool recording,
                                        std::vector<ast::Statement>& statements) {
  namespace x3 = boost::spirit::x3;
  parser::ParseState state;
  state.recording = recording;
  state.begin = text.data();
  state.end = text.data() + text.size();
  state.stack_floor = stack_floor();
  // Room for what is expected at the furthest failure: it is cleared each
  // time the parse gets further, and growing it cost allocations.
  if (recording) state.expected.reserve(32);
  parser::Skipper const skipper;
  auto const phrase_context = x3::make_context<x3::skipper_tag>(skipper);
  auto const context = x3::make_context<parser::state_tag>(state, phrase_context);
  static_assert(std::is_same_v<std::remove_const_t<decltype(context)>, parser::context_type>,
                "the context must be the one the rules were instantiated for");

  const char* first = state.begin;
  try {
    bool ok = parser::statements.parse(first, state.end, context, x3::unused, statements);
    first = lexer::skip_space(first, state.end);
    if (ok && first == state.end) return std::nullopt;
    if (!recording) return Failure{};
    if (ok) state.expect(first, {"';' or the end of the query", parser::ExpectKind::Label, 0});
    return Failure{parser::describe_failure(state)};
  } catch (const lexer::LexicalError& e) {
    return Failure{{static_cast<std::size_t>(e.at - state.begin), e.length, e.message, std::string(e.detail)}, true};
  }
}

}  // namespace

ParseResult parse_cypher(text::SourcePtr source) {
  const std::string& text = source->text();
  if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
    return failure(source, {0, 0, "the query is too long (4 GiB or more)", "UnexpectedSyntax"});
  }
  if (auto bad = text::find_invalid_utf8(text)) {
    return failure(source, {*bad, 1, "the query is not valid UTF-8 here", "UnexpectedSyntax"});
  }

  // Parsed without recording what each failed token expected (most queries
  // parse); a query that fails is parsed again, recording, for its message.
  std::vector<ast::Statement> statements;
  std::optional<Failure> failed = parse_statements(text, false, statements);
  if (failed && !failed->lexical) {
    statements.clear();
    failed = parse_statements(text, true, statements);
  }
  if (failed) return failure(source, failed->report);

  if (auto report = parser::check_syntax(statements, text)) return failure(source, *report);

  ParseResult result;
  result.source = std::move(source);
  result.statements = std::move(statements);
  return result;
}

}  // namespace ergo::cypher
