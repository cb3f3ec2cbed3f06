// ergo::Error from grammar/text's diagnostics: every stage that places a
// problem in some text (parser, loaders, binder, runtime) throws it the same
// way, with the message, the rendered line and caret, and the position.
#pragma once

#include <string>
#include <vector>

#include "ergo/error.hpp"
#include "grammar/text/diagnostic.hpp"
#include "grammar/text/source_text.hpp"
#include "grammar/text/span.hpp"

namespace ergo {

// `d` as an Error of `kind`.
[[nodiscard]] Error error_from(const text::Diagnostic& d, ErrorKind kind);

// An Error of `kind` saying `message` about `span` of `source`.
[[nodiscard]] Error error_at(const text::SourceText& source, text::Span span, ErrorKind kind,
                             const std::string& message);

// Several diagnostics as one Error: `message`, then all of them rendered
// followed by `trailer`, placed where `first` is (nothing when null).
[[nodiscard]] Error error_from(const std::vector<text::Diagnostic>& all, const text::Diagnostic* first,
                               ErrorKind kind, std::string message, const std::string& trailer);

}  // namespace ergo
