// RelationshipSeeds: see semi_join_by_relationships.hpp.
#include "engine/exec/semi_join_by_relationships.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <limits>

#include "engine/expr/nodes.hpp"
#include "grammar/text/parallel.hpp"

namespace ergo::exec {
namespace {

// Fewer scanned nodes than this: the scan's way is cheap enough.
constexpr std::size_t min_scanned = 4096;
// A hop from a scanned node costs a random read of its slice and of each
// relationship's properties; a relationship in id order, a sequential read
// and a byte of state: the relationships win while they number fewer than
// this per scanned node.
constexpr std::size_t max_per_scanned = 8;
// ... and while the graph holds fewer relationships in all than this per
// scanned node (finding those of the type reads every relationship's type).
constexpr std::size_t max_all_per_scanned = 64;
// Relationship ids a thread takes at a time.
constexpr std::size_t chunk = 16384;

// SemiJoin::first_hop_test on the property's column, where that decides it
// exactly: a column of integers (or none at all) against an integer. A
// relationship without the property compares as null and is rejected, as
// the filter rejects it. Anything else (floats, strings, mixed columns, a
// parameter that is missing) leaves every relationship to the subplan.
class ColumnTest {
 public:
  ColumnTest(const plan::SemiJoin& join, const store::Graph& g, const Frame& base, ExecContext& ctx) {
    if (!join.first_hop_test) return;
    const plan::SemiJoin::HopTest& test = *join.first_hop_test;
    Value constant;
    try {
      Frame frame = base;
      constant = test.constant->eval(frame, ctx);
    } catch (...) {
      return;  // a missing parameter: the subplan meets it and reports it as before
    }
    const std::int64_t* number = constant.get_if<std::int64_t>();
    if (!number) return;
    const auto key = g.keys().find(test.key);
    column_ = key ? g.relationship_column(*key) : nullptr;
    using Kind = store::PropertyColumn::Kind;
    if (column_ && column_->kind() != Kind::integer && column_->kind() != Kind::empty) return;
    active_ = true;
    op_ = test.op;
    constant_ = *number;
  }

  // Whether the filter may pass relationship r (always, when inactive).
  bool may_pass(store::RelId r) const {
    if (!active_) return true;
    if (!column_ || !column_->has(r)) return false;
    const std::int64_t v = column_->integer_at(r);
    using Op = expr::ComparisonOperator;
    switch (op_) {
      case Op::equal: return v == constant_;
      case Op::not_equal: return v != constant_;
      case Op::less: return v < constant_;
      case Op::greater: return v > constant_;
      case Op::less_equal: return v <= constant_;
      case Op::greater_equal: return v >= constant_;
    }
    return true;
  }

 private:
  bool active_ = false;
  const store::PropertyColumn* column_ = nullptr;
  expr::ComparisonOperator op_ = expr::ComparisonOperator::equal;
  std::int64_t constant_ = 0;
};

}  // namespace

bool RelationshipSeeds::pay(const plan::SemiJoin& join, const store::Graph& g) {
  std::size_t scanned = g.live_node_count();
  for (const std::string& label : join.scanned_labels) {
    auto id = g.labels().find(label);
    scanned = id ? std::min(scanned, g.nodes_with_label(*id).size()) : 0;
  }
  if (scanned < min_scanned || g.relationship_count() > max_all_per_scanned * scanned) return false;
  type_ = g.types().find(join.first_hop->types.front());
  if (!type_) return true;  // no relationship of the type: nothing passes, found at once
  std::size_t of_type = 0;  // deleted ones too: an estimate, and a loop the compiler vectorizes
  for (store::TypeId t : g.relationship_types()) of_type += t == *type_;
  return of_type <= max_per_scanned * scanned;
}

std::vector<char> RelationshipSeeds::run(const plan::SemiJoin& join, const std::vector<store::NodeId>& nodes,
                                         const Frame& base, ExecContext& ctx, std::vector<CursorPtr>& subs) {
  const store::Graph& g = ctx.graph;
  const plan::Expand& hop = *join.first_hop;
  // The scanned nodes as bits (read at random for every relationship of
  // the type: 25 KB for 200,000 nodes stays in cache), and which of them
  // matched, a byte each (written from several threads).
  std::vector<std::uint64_t> sought((g.node_count() + 63) / 64);
  for (store::NodeId n : nodes) sought[n / 64] |= std::uint64_t{1} << (n % 64);
  std::vector<std::uint8_t> matched(g.node_count());

  const std::size_t rels = type_ ? g.relationship_count() : 0;
  const std::span<const store::TypeId> types = g.relationship_types();
  const std::size_t chunks = (rels + chunk - 1) / chunk;
  const std::size_t parts = std::clamp<std::size_t>(std::min(ctx.threads, chunks), 1, 16);
  while (subs.size() < parts) subs.push_back(open(*join.subplan));
  std::vector<std::exception_ptr> errors(chunks);
  std::atomic<std::size_t> next_chunk{0};
  const bool out = hop.direction == plan::Direction::out;
  const ColumnTest test(join, g, base, ctx);
  text::run_parts(parts, [&](std::size_t p) {
    ExecContext local = ctx;  // its own counters; the same graph, parameters, clock and limits
    local.seeded_expand = &hop;
    Frame frame = base;
    Cursor& sub = *subs[p];
    for (std::size_t k; (k = next_chunk.fetch_add(1, std::memory_order_relaxed)) < chunks;) {
      try {
        local.check_cancelled();
        for (std::size_t i = k * chunk, end = std::min(rels, i + chunk); i < end; ++i) {
          if (types[i] != *type_) continue;
          const auto r = static_cast<store::RelId>(i);
          if (!g.relationship_exists(r) || !test.may_pass(r)) continue;
          const store::NodeId near = out ? g.source(r) : g.target(r);
          if (!(sought[near / 64] >> (near % 64) & 1)) continue;
          std::atomic_ref<std::uint8_t> near_matched(matched[near]);
          if (near_matched.load(std::memory_order_relaxed)) continue;
          frame[join.scanned_slot] = NodeRef{near};
          frame[hop.rel_slot] = RelationshipRef{r};
          frame[hop.to_slot] = NodeRef{out ? g.target(r) : g.source(r)};
          sub.reset();
          if (sub.pull(frame, local)) near_matched.store(1, std::memory_order_relaxed);
        }
      } catch (...) {
        errors[k] = std::current_exception();
      }
    }
  });
  // Only cancellation, a time limit or a missing parameter can stop a
  // chunk (the predicates cannot fail): the lowest chunk's error, as one
  // thread would meet it first.
  for (const std::exception_ptr& e : errors) {
    if (e) std::rethrow_exception(e);
  }
  std::vector<char> passed(nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) passed[i] = matched[nodes[i]];
  return passed;
}

}  // namespace ergo::exec
