// Conversions between ergo::Value and TckValue: actual result cells become
// TckValues (nodes, relationships and paths resolved through a GraphView),
// and TCK parameter values become ergo::Values.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "ergo/value.hpp"
#include "tools/tck/tck_value.hpp"

namespace ergo::tck {

// How conversion reads graph elements; ergo::Result provides one
// (engine_target.cpp), tests provide a fake.
class GraphView {
 public:
  virtual ~GraphView() = default;
  virtual std::vector<std::string> labels(ergo::NodeRef n) const = 0;
  virtual ergo::Map properties(ergo::NodeRef n) const = 0;
  virtual std::string type(ergo::RelationshipRef r) const = 0;
  virtual ergo::NodeRef start_node(ergo::RelationshipRef r) const = 0;
  virtual ergo::NodeRef end_node(ergo::RelationshipRef r) const = 0;
  virtual ergo::Map properties(ergo::RelationshipRef r) const = 0;
};

class ConversionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An actual value in TCK terms. A path step is "forward" when its
// relationship starts at the step's first node. Dates become their ISO text,
// as the TCK writes temporal values. Throws ConversionError for a
// malformed path (relationship not joining its neighbours).
TckValue to_tck_value(const ergo::Value& value, const GraphView& graph);

// A parameter value for ergo. Throws ConversionError for nodes,
// relationships and paths, which the TCK never passes as parameters.
ergo::Value to_ergo_value(const TckValue& value);

}  // namespace ergo::tck
