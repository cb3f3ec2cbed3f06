// PCRE2 behind eval::Regex: compile flags that give Java's matches()
// (anchored at both ends), JIT when available with the interpreter as the
// fallback when the JIT stack runs out, and limits on every match.
#include "engine/eval/regex.hpp"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

namespace ergo::eval {
namespace {

// Backtracking steps and backtracking memory one match may use: far above
// what sane patterns need on long strings, far below minutes of work.
constexpr std::uint32_t match_limit = 10'000'000;
constexpr std::uint32_t heap_limit_kib = 64 * 1024;
constexpr std::uint32_t depth_limit = 1'000'000;

std::string message_of(int code) {
  PCRE2_UCHAR buffer[256];
  int n = pcre2_get_error_message(code, buffer, sizeof buffer);
  return n < 0 ? "error " + std::to_string(code) : std::string(reinterpret_cast<const char*>(buffer), n);
}

}  // namespace

struct Regex::Compiled {
  pcre2_code* code = nullptr;
  pcre2_match_context* context = nullptr;
  ~Compiled() {
    pcre2_match_context_free(context);
    pcre2_code_free(code);
  }
};

Regex::Regex(std::unique_ptr<Compiled> compiled) : compiled_(std::move(compiled)) {}
Regex::~Regex() = default;

std::variant<std::shared_ptr<const Regex>, Regex::SyntaxError> Regex::compile(std::string_view pattern) {
  int error = 0;
  PCRE2_SIZE offset = 0;
  auto compiled = std::make_unique<Compiled>();
  compiled->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                 PCRE2_ANCHORED | PCRE2_ENDANCHORED | PCRE2_UTF, &error, &offset, nullptr);
  if (!compiled->code) return SyntaxError{message_of(error), offset};
  pcre2_jit_compile(compiled->code, PCRE2_JIT_COMPLETE);  // optional: the interpreter runs otherwise
  compiled->context = pcre2_match_context_create(nullptr);
  if (!compiled->context) throw std::bad_alloc();
  pcre2_set_match_limit(compiled->context, match_limit);
  pcre2_set_heap_limit(compiled->context, heap_limit_kib);
  pcre2_set_depth_limit(compiled->context, depth_limit);
  return std::shared_ptr<const Regex>(new Regex(std::move(compiled)));
}

std::variant<bool, Regex::LimitExceeded> Regex::matches(std::string_view subject) const {
  std::unique_ptr<pcre2_match_data, void (*)(pcre2_match_data*)> data(
      pcre2_match_data_create_from_pattern(compiled_->code, nullptr), pcre2_match_data_free);
  if (!data) throw std::bad_alloc();
  auto run = [&](std::uint32_t options) {
    return pcre2_match(compiled_->code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), 0, options,
                       data.get(), compiled_->context);
  };
  int rc = run(0);
  // The JIT's own stack is small; the interpreter keeps its frames on the
  // heap, within heap_limit_kib.
  if (rc == PCRE2_ERROR_JIT_STACKLIMIT) rc = run(PCRE2_NO_JIT);
  if (rc >= 0) return true;
  if (rc == PCRE2_ERROR_NOMATCH) return false;
  if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT) {
    return LimitExceeded{message_of(rc)};
  }
  if (rc == PCRE2_ERROR_NOMEMORY) throw std::bad_alloc();
  return LimitExceeded{message_of(rc)};
}

}  // namespace ergo::eval
