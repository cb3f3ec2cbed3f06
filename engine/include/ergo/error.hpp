// ergo::Error: the one exception type the public API throws. It carries the
// kind of error (as the openCypher TCK names them), the message, and where in
// the input it happened, already rendered with a caret when a position is
// known.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

namespace ergo {

enum class ErrorKind {
  // The text does not parse, or (as openCypher classifies compile-time
  // errors) names what it does not define or misuses a construct: code()
  // says which ("UnexpectedSyntax", "UndefinedVariable",
  // "VariableAlreadyBound", "InvalidAggregation", "UnknownFunction", ...).
  syntax_error,
  // Parses and binds, but asks for what is not there: a parameter that was
  // not given ("ParameterMissing"), an unknown procedure, a feature ergo
  // does not support.
  semantic_error,
  type_error,       // a value of the wrong type at run time
  argument_error,   // a function got an argument outside its domain
  data_error,       // a .kg or CSV file is malformed or inconsistent
  io_error,         // a file cannot be read or written
  runtime_error,    // anything else that ends a query
};

// The openCypher TCK's name of a kind: "SyntaxError", "SemanticError",
// "TypeError", "ArgumentError", "DataError", "IOError", "RuntimeError".
const char* kind_name(ErrorKind kind);

// Thrown by every public function that can fail (each says when); caught
// by reference: catch (const ergo::Error& e). what() is rendered() when
// that is not empty, else message(). (The one other exception is
// std::out_of_range from the position-checked Result::at(), Result::row()
// and Row::at(std::size_t), as std::vector::at throws it.)
// Thread safety: a value type; const access from many threads is safe.
class Error : public std::runtime_error {
 public:
  // `rendered` is the full text to show a user (message, location, caret);
  // `message` the bare one-line message.
  Error(ErrorKind kind, std::string message, std::string rendered = {}, std::string file = {},
        std::size_t line = 0, std::size_t column = 0);

  // What went wrong, by category (see ErrorKind).
  ErrorKind kind() const { return kind_; }
  // The one-line message, without position.
  const std::string& message() const { return message_; }
  // What to show a user: "file:line:column: error: message", the source
  // line and a caret under the spot, when a position is known; otherwise
  // the same as message() (or all the problems a failed load found).
  // Never empty unless message() is.
  const std::string& rendered() const { return rendered_; }
  // The name of the text the error is in: the source_name given to
  // execute() or prepare() ("<query>"), or a .kg file's path; may be empty.
  const std::string& file() const { return file_; }
  std::size_t line() const { return line_; }      // 1-based; 0 when unknown
  std::size_t column() const { return column_; }  // 1-based; 0 when unknown
  // The openCypher detail code where one applies ("UndefinedVariable",
  // "IntegerOverflow", ...), else empty.
  const std::string& code() const { return code_; }
  // Sets code(); for the engine. Returns *this, to throw it.
  Error& with_code(std::string code) {
    code_ = std::move(code);
    return *this;
  }

 private:
  ErrorKind kind_;
  std::string message_;
  std::string rendered_;
  std::string file_;
  std::size_t line_;
  std::size_t column_;
  std::string code_;
};

}  // namespace ergo
