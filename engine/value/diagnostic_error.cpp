// Diagnostics as ergo::Error (see diagnostic_error.hpp).
#include "engine/value/diagnostic_error.hpp"

namespace ergo {

Error error_from(const text::Diagnostic& d, ErrorKind kind) {
  return Error(kind, d.message, text::render(d), d.file, d.line, d.column);
}

Error error_at(const text::SourceText& source, text::Span span, ErrorKind kind, const std::string& message) {
  return error_from(text::make_diagnostic(source, span.begin, span.end - span.begin, text::Severity::error, message),
                    kind);
}

Error error_from(const std::vector<text::Diagnostic>& all, const text::Diagnostic* first, ErrorKind kind,
                 std::string message, const std::string& trailer) {
  return Error(kind, std::move(message), text::render(all) + trailer, first ? first->file : "",
               first ? first->line : 0, first ? first->column : 0);
}

}  // namespace ergo
