// ergo::Error: the public exception type.
#include "ergo/error.hpp"

namespace ergo {

const char* kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::syntax_error: return "SyntaxError";
    case ErrorKind::semantic_error: return "SemanticError";
    case ErrorKind::type_error: return "TypeError";
    case ErrorKind::argument_error: return "ArgumentError";
    case ErrorKind::data_error: return "DataError";
    case ErrorKind::io_error: return "IOError";
    case ErrorKind::runtime_error: return "RuntimeError";
  }
  return "Error";
}

Error::Error(ErrorKind kind, std::string message, std::string rendered, std::string file,
             std::size_t line, std::size_t column)
    : std::runtime_error(rendered.empty() ? message : rendered),
      kind_(kind),
      message_(std::move(message)),
      rendered_(rendered.empty() ? message_ : std::move(rendered)),
      file_(std::move(file)),
      line_(line),
      column_(column) {}

}  // namespace ergo
