// The variables visible at a point of a query, each with the frame slot it
// lives in and what it holds. WITH replaces the scope; comprehensions extend
// a copy of it.
#pragma once

#include <memory>
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
  Scope() = default;
  Scope(const Scope& other) : vars_(other.vars_) {}
  Scope(Scope&&) noexcept = default;
  Scope& operator=(const Scope& other) {
    if (this != &other) {
      vars_ = other.vars_;
      index_.reset();
    }
    return *this;
  }
  Scope& operator=(Scope&&) noexcept = default;

  // The latest variable of that name. A query's scope holds a handful of
  // variables, so a scan from the back is cheapest and a scope is copied
  // and built many times per query without allocating an index; past
  // kIndexed variables a hashed index is built on first use (a scan made a
  // RETURN of 50,000 columns quadratic: half a minute).
  const Variable* find(const std::string& name) const {
    if (vars_.size() <= kIndexed) {
      for (auto it = vars_.rbegin(); it != vars_.rend(); ++it) {
        if (it->name == name) return &*it;
      }
      return nullptr;
    }
    if (!index_) {
      index_ = std::make_unique<std::unordered_map<std::string, std::size_t>>();
      for (std::size_t i = 0; i < vars_.size(); ++i) (*index_)[vars_[i].name] = i;
    }
    auto it = index_->find(name);
    return it == index_->end() ? nullptr : &vars_[it->second];
  }
  void add(Variable v) {
    if (index_) (*index_)[v.name] = vars_.size();
    vars_.push_back(std::move(v));
  }
  void reserve(std::size_t n) { vars_.reserve(n); }
  const std::vector<Variable>& variables() const { return vars_; }
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const Variable& v : vars_) out.push_back(v.name);
    return out;
  }

 private:
  static constexpr std::size_t kIndexed = 16;
  std::vector<Variable> vars_;
  // name → index in vars_, once there are more than kIndexed variables;
  // built lazily, so a copy leaves it behind.
  mutable std::unique_ptr<std::unordered_map<std::string, std::size_t>> index_;
};

}  // namespace ergo::bind
