// Regular expressions for `=~` (private to the engine): PCRE2, never in a
// public header. Java's semantics as Neo4j gives them: the whole string must
// match, inline flags such as (?i) work, patterns are read as UTF-8. Every
// match is bounded (a match limit and a backtracking-memory limit), so no
// pattern can run for minutes or overflow the stack.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

namespace ergo::eval {

class Regex {
 public:
  // Why a pattern does not compile: PCRE2's message and the code-unit
  // offset in the pattern where it stopped.
  struct SyntaxError {
    std::string message;
    std::size_t offset = 0;
  };
  // A match that gave up at the match or memory limit.
  struct LimitExceeded {
    std::string message;
  };

  // Compiles `pattern` (JIT-compiled where the platform allows).
  static std::variant<std::shared_ptr<const Regex>, SyntaxError> compile(std::string_view pattern);

  // Whether all of `subject` matches; LimitExceeded when the match could not
  // be decided within the limits.
  std::variant<bool, LimitExceeded> matches(std::string_view subject) const;

  ~Regex();
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;

 private:
  struct Compiled;
  explicit Regex(std::unique_ptr<Compiled> compiled);
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace ergo::eval
