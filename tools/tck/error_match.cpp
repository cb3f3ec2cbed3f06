// Expected-error steps and the verdict on an actual ergo::Error (see
// error_match.hpp). Which TCK types each ErrorKind may stand for is the one
// table below.
#include "tools/tck/error_match.hpp"

#include <algorithm>
#include <cctype>
#include <regex>
#include <vector>

namespace ergo::tck {
namespace {

// TCK types an ergo kind is accepted for. runtime_error covers the TCK types
// ergo has no kind of its own for.
std::vector<std::string_view> accepted_types(ergo::ErrorKind kind) {
  switch (kind) {
    case ergo::ErrorKind::syntax_error: return {"SyntaxError"};
    // ergo reports an unknown procedure (ProcedureNotFound) as a semantic error.
    case ergo::ErrorKind::semantic_error: return {"SyntaxError", "SemanticError", "ParameterMissing", "ProcedureError"};
    case ergo::ErrorKind::type_error: return {"TypeError"};
    case ergo::ErrorKind::argument_error: return {"ArgumentError"};
    case ergo::ErrorKind::runtime_error:
      return {"EntityNotFound", "ConstraintVerificationFailed", "ConstraintValidationFailed", "ProcedureError"};
    case ergo::ErrorKind::data_error:
    case ergo::ErrorKind::io_error: return {};
  }
  return {};
}

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool contains_word(std::string_view text, std::string_view word) {
  if (word.empty()) return false;
  for (std::size_t p = text.find(word); p != std::string_view::npos; p = text.find(word, p + 1)) {
    bool left = p == 0 || !is_word_char(text[p - 1]);
    bool right = p + word.size() == text.size() || !is_word_char(text[p + word.size()]);
    if (left && right) return true;
  }
  return false;
}

}  // namespace

std::optional<ExpectedError> parse_expected_error(std::string_view step_text) {
  static const std::regex form(R"(^an? (\S+) should be raised at ([^:]+): (.+)$)");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(step_text.begin(), step_text.end(), m, form)) return std::nullopt;
  ExpectedError e;
  e.type = m[1].str();
  std::string phase = m[2].str();
  if (phase == "compile time") e.phase = ErrorPhase::compile_time;
  else if (phase == "runtime") e.phase = ErrorPhase::runtime;
  else if (phase == "any time") e.phase = ErrorPhase::any_time;
  else throw ErrorStepError("unknown error phase '" + phase + "' (expected compile time, runtime or any time)");
  e.detail = m[3].str();
  return e;
}

const char* tck_type_name(ergo::ErrorKind kind) {
  switch (kind) {
    case ergo::ErrorKind::syntax_error:
    case ergo::ErrorKind::semantic_error: return "SyntaxError";
    case ergo::ErrorKind::type_error: return "TypeError";
    case ergo::ErrorKind::argument_error: return "ArgumentError";
    case ergo::ErrorKind::data_error: return "DataError";
    case ergo::ErrorKind::io_error: return "IOError";
    case ergo::ErrorKind::runtime_error: return "RuntimeError";
  }
  return "Error";
}

ErrorPhase phase_of(ergo::ErrorKind kind) {
  return kind == ergo::ErrorKind::syntax_error || kind == ergo::ErrorKind::semantic_error ? ErrorPhase::compile_time
                                                                                           : ErrorPhase::runtime;
}

const char* phase_name(ErrorPhase phase) {
  switch (phase) {
    case ErrorPhase::compile_time: return "compile time";
    case ErrorPhase::runtime: return "runtime";
    case ErrorPhase::any_time: return "any time";
  }
  return "?";
}

ErrorVerdict judge_error(const ExpectedError& expected, const ActualError& actual) {
  ErrorVerdict v;
  auto types = accepted_types(actual.kind);
  v.type_matches = std::find(types.begin(), types.end(), expected.type) != types.end();
  ErrorPhase actual_phase = phase_of(actual.kind);
  v.phase = expected.phase == ErrorPhase::any_time || expected.phase == actual_phase ? Check::matched
                                                                                      : Check::mismatched;
  bool detail_ok = actual.code.empty() ? contains_word(actual.message, expected.detail) : actual.code == expected.detail;
  v.detail = detail_ok ? Check::matched : Check::mismatched;
  if (!v.type_matches || v.phase == Check::mismatched || v.detail == Check::mismatched) {
    v.explanation = "expected " + expected.type + " at " + phase_name(expected.phase) + " (" + expected.detail +
                    "), got " + ergo::kind_name(actual.kind) + " at " + phase_name(actual_phase) +
                    (actual.code.empty() ? "" : " (" + actual.code + ")") + ": " + actual.message;
  }
  return v;
}

}  // namespace ergo::tck
