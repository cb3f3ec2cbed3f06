// The procedures CALL can run, and what each one promises: its name, its
// arguments (types, defaults, and the keys of its `config` map), the fields
// of the rows it yields, a description, and the code. The binder checks a
// CALL against this signature; the CallProcedure cursor runs the code. Each
// family of algorithms registers its procedures from its own file.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/store/graph.hpp"
#include "ergo/error.hpp"
#include "ergo/value.hpp"

namespace ergo::algo {

// The types of arguments, config values and fields, as openCypher names them.
// `number` is FLOAT (an integer is accepted); `numeric` is NUMBER (either).
enum class Type { any, boolean, integer, number, string, map, node, path, string_list, relationship, list, numeric };
const char* type_name(Type t);  // "INTEGER", "FLOAT", "LIST<STRING>", ...

struct Argument {
  std::string name;
  Type type;
  std::optional<Value> default_value;  // nullopt: required
  bool nullable = false;               // `INTEGER?`: null is a value it takes
};

// A key of the `config` map argument.
struct Option {
  std::string name;
  Type type;
  Value default_value;  // null: absent unless given
  std::string description;
  std::vector<std::string> choices;  // for a STRING: the values allowed (any letter case)
};

struct Field {
  std::string name;
  Type type;
};

// The arguments of one call, checked against the signature, with defaults
// filled in (config keys included).
class Arguments {
 public:
  Arguments(std::vector<Value> values, Map options) : values_(std::move(values)), options_(std::move(options)) {}
  const Value& operator[](std::size_t i) const { return values_[i]; }
  // The value of a config key (its default when the call does not give it).
  const Value& option(std::string_view key) const;

 private:
  std::vector<Value> values_;
  Map options_;
};

class ProcedureCatalog;

struct CallContext {
  const store::Graph& graph;
  std::function<void()> check_cancelled;
  // The procedures the calling database has (the built-in ones and those
  // its program added), for the procedures that list them; null: built-in.
  const ProcedureCatalog* catalog = nullptr;
};

using Row = std::vector<Value>;  // one value per field, in field order
using Rows = std::vector<Row>;

struct Procedure {
  std::string name;
  std::string description;
  std::vector<Argument> arguments;
  std::vector<Option> options;  // the keys of the `config` argument, if it has one
  std::vector<Field> fields;
  std::function<Rows(const CallContext&, const Arguments&)> run;

  std::optional<std::size_t> field_index(std::string_view field) const;
  std::size_t required_arguments() const;
};

// An error about one argument: CALL reports it under that argument in the
// query. `key` names the config key at fault, when there is one.
class ArgumentError : public Error {
 public:
  ArgumentError(std::size_t argument, ErrorKind kind, const std::string& message, const char* code,
                std::string key = {})
      : Error(kind, message), argument(argument), key(std::move(key)) {
    with_code(code);
  }
  std::size_t argument;
  std::string key;
};

// Every procedure, sorted by name.
const std::vector<Procedure>& procedures();
const Procedure* find_procedure(std::string_view name);
std::vector<std::string> procedure_names();
// `ergo.khop(source :: NODE, k :: INTEGER, config :: MAP = {}) :: (node :: NODE, distance :: INTEGER)`
std::string signature(const Procedure& p);

// Checks argument i of a call (after defaults) against the signature: its
// type, and for the config map each key and value. Throws ArgumentError.
void check_argument(const Procedure& p, std::size_t i, const Value& v);
// Checks one config key, and its value when known (compile time).
void check_option(const Procedure& p, std::size_t i, const std::string& key, const Value* value);
// The allowed choice `given` spells, ignoring letter case, if any.
std::optional<std::string> choice_of(const Option& o, const std::string& given);
// Checks every argument and fills in the config defaults.
Arguments make_arguments(const Procedure& p, std::vector<Value> values);

}  // namespace ergo::algo
