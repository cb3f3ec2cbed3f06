// Reading the contents of .kg tokens once the grammar has found them: string
// escapes, numbers, dates, money, `@LINE` markers. Each function takes the
// whole source text and the token's span, and throws LineError at the exact
// spot of the first mistake.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "grammar/kg/kg_document.hpp"
#include "grammar/kg/lexical.hpp"

namespace ergo::kg::detail {

// The text of a quoted token ("..." or '...', quotes included) with its
// escapes resolved.
std::string unquote(std::string_view text, Span token);

// A scalar value token (number, date, true, false, null), with the currency
// word that followed it, if any, and a word after that (always an error:
// `7.15 billion USD`).
Value scalar(std::string_view text, Span token, std::optional<Span> currency, std::optional<Span> extra = {});

// The line number of an `@LINE` marker (the span includes the '@').
std::int64_t line_number(std::string_view text, Span marker);

}  // namespace ergo::kg::detail
