// The variables visible at a point of a query, each with the frame slot it
// lives in and what it holds. WITH replaces the scope; comprehensions extend
// a copy of it.
#pragma once

#include <string>
#include <vector>

namespace ergo::bind {

// What a variable is known to hold. `value` is unknown (it may hold a node
// at run time); `scalar` is known not to be a graph element (a projected
// literal, list or map).
enum class VarKind { node, relationship, relationship_list, path, value, scalar };

struct Variable {
  std::string name;
  std::size_t slot = 0;
  VarKind kind = VarKind::value;
};

class Scope {
 public:
  const Variable* find(const std::string& name) const {
    for (auto it = vars_.rbegin(); it != vars_.rend(); ++it) {
      if (it->name == name) return &*it;
    }
    return nullptr;
  }
  void add(Variable v) { vars_.push_back(std::move(v)); }
  const std::vector<Variable>& variables() const { return vars_; }
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const Variable& v : vars_) out.push_back(v.name);
    return out;
  }

 private:
  std::vector<Variable> vars_;
};

}  // namespace ergo::bind
