// Value footprints and the budget's error (see memory.hpp).
#include "engine/runtime/memory.hpp"

#include <string>
#include <vector>

namespace ergo::runtime {

namespace {

// What a value holds beyond its own sizeof, lists and maps aside.
std::size_t owned_bytes(const Value& v) {
  switch (v.type()) {
    case Value::Type::string: {
      const std::string& s = v.as_string();
      return s.capacity() > 15 ? s.capacity() + 1 : 0;  // beyond the small-string buffer
    }
    case Value::Type::datetime: {
      const std::string& zone = v.as_datetime().zone();
      return zone.capacity() > 15 ? zone.capacity() + 1 : 0;
    }
    case Value::Type::path: {
      const PathRef& p = v.as_path();
      return p.nodes.size() * sizeof(NodeRef) + p.relationships.size() * sizeof(RelationshipRef);
    }
    default: return 0;
  }
}

bool is_container(const Value& v) { return v.type() == Value::Type::list || v.type() == Value::Type::map; }

}  // namespace

std::size_t footprint(const Value& root) {
  // Every cell of an answer is counted, and nearly all are scalars: those
  // need no stack.
  if (!is_container(root)) return sizeof(Value) + owned_bytes(root);
  std::size_t bytes = 0;
  std::vector<const Value*> pending{&root};
  while (!pending.empty()) {
    const Value* v = pending.back();
    pending.pop_back();
    bytes += sizeof(Value) + owned_bytes(*v);
    if (v->type() == Value::Type::list) {
      for (const Value& item : v->as_list()) pending.push_back(&item);
    } else if (v->type() == Value::Type::map) {
      for (const auto& [key, item] : v->as_map()) {
        bytes += sizeof(std::string) + (key.capacity() > 15 ? key.capacity() + 1 : 0);
        pending.push_back(&item);
      }
    }
  }
  return bytes;
}

Error MemoryAccount::exceeded() const {
  // As it was given: --max-memory 64M is "64 MiB", --max-memory 5000 is "5000 bytes".
  auto mib = [](std::size_t bytes) {
    if (bytes % (std::size_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    return std::to_string(bytes) + " bytes";
  };
  return Error(ErrorKind::runtime_error,
               "the statement needs more than its memory budget of " + mib(budget) +
                   " to hold its rows (sorting, DISTINCT, grouping, collect() or the answer itself) and was stopped; "
                   "nothing it changed was kept (raise the budget with --max-memory, or ask for less: LIMIT, fewer "
                   "columns, an aggregate instead of the rows)")
      .with_code("MemoryLimitExceeded");
}

}  // namespace ergo::runtime
