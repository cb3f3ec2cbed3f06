// The variables visible at a point of a query, each with the frame slot it
// lives in and what it holds. WITH replaces the scope; comprehensions extend
// a copy of it.
#pragma once

#include <string>
#include <unordered_map>
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
  // The latest variable of that name, through a hashed index: a scan made
  // a RETURN of 50,000 columns quadratic (half a minute).
  const Variable* find(const std::string& name) const {
    auto it = latest_.find(name);
    return it == latest_.end() ? nullptr : &vars_[it->second];
  }
  void add(Variable v) {
    latest_[v.name] = vars_.size();
    vars_.push_back(std::move(v));
  }
  const std::vector<Variable>& variables() const { return vars_; }
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const Variable& v : vars_) out.push_back(v.name);
    return out;
  }

 private:
  std::vector<Variable> vars_;
  std::unordered_map<std::string, std::size_t> latest_;  // name → index in vars_
};

}  // namespace ergo::bind
