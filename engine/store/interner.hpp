// A dictionary of names (labels, relationship types, property keys) mapped
// to dense ids, so elements store 2-byte ids instead of strings.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ergo::store {

template <class Id>
class Interner {
 public:
  std::optional<Id> find(std::string_view name) const {
    auto it = ids_.find(name);
    if (it == ids_.end()) return std::nullopt;
    return it->second;
  }

  // The id of `name`, adding it when new. Throws std::length_error when the
  // id space is exhausted.
  Id intern(std::string_view name) {
    if (auto id = find(name)) return *id;
    if (names_.size() >= std::numeric_limits<Id>::max()) throw std::length_error("too many distinct names");
    Id id = static_cast<Id>(names_.size());
    names_.emplace_back(name);
    ids_.emplace(names_.back(), id);
    return id;
  }

  const std::string& name(Id id) const { return names_.at(id); }
  std::size_t size() const { return names_.size(); }

  // Forgets every name added after the first `n` (rollback).
  void truncate(std::size_t n) {
    while (names_.size() > n) {
      ids_.erase(names_.back());
      names_.pop_back();
    }
  }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<std::string> names_;
  std::unordered_map<std::string, Id, Hash, std::equal_to<>> ids_;
};

}  // namespace ergo::store
