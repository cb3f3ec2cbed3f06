// Expected errors ("Then a SyntaxError should be raised at compile time:
// UndefinedVariable") and how an ergo::Error is judged against one: the TCK
// error type must match the ergo ErrorKind; the phase and the detail code
// are checked as far as the engine reveals them.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "ergo/error.hpp"

namespace ergo::tck {

enum class ErrorPhase { compile_time, runtime, any_time };

struct ExpectedError {
  std::string type;    // SyntaxError, TypeError, ArgumentError, EntityNotFound, ...
  ErrorPhase phase = ErrorPhase::any_time;
  std::string detail;  // UndefinedVariable, InvalidArgumentType, ...
};

class ErrorStepError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// nullopt when `step_text` is not an "a/an X should be raised at P: D" step;
// throws ErrorStepError when it is, but names an unknown phase.
std::optional<ExpectedError> parse_expected_error(std::string_view step_text);

// The error an engine raised, as far as the runner can see it. `code` is the
// TCK detail code when the engine exposes one, else empty.
struct ActualError {
  ergo::ErrorKind kind = ergo::ErrorKind::runtime_error;
  std::string message;
  std::string code;
};

enum class Check { matched, mismatched };

struct ErrorVerdict {
  bool type_matches = false;
  Check phase = Check::matched;   // ergo's phase follows from the kind
  Check detail = Check::matched;  // code == detail, or else the detail code
                                  // appears as a word in the message
  // "expected SyntaxError at compile time (UndefinedVariable), got
  // TypeError: <message>"; empty when everything matched.
  std::string explanation;
};

ErrorVerdict judge_error(const ExpectedError& expected, const ActualError& actual);

// The TCK name ergo's kind stands for (semantic_error → SyntaxError: openCypher
// reports compile-time semantic errors as SyntaxError).
const char* tck_type_name(ergo::ErrorKind kind);
ErrorPhase phase_of(ergo::ErrorKind kind);
const char* phase_name(ErrorPhase phase);  // "compile time", "runtime", "any time"

}  // namespace ergo::tck
