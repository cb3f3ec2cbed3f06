// The other way through a SemiJoin whose first hop plan::optimize marked
// (SemiJoin::first_hop): instead of expanding each scanned node, the
// relationships of the hop's type are read in id order, and each whose near
// end is a scanned node not yet matched seeds the rest of the subplan with
// its two ends (ExecContext::seeded_expand). The relationships' properties
// are then read in order, not at random (Q5: a company's INVESTS edges sit
// anywhere among two million), and the work splits between threads by
// ranges of relationships.
//
// The rows that pass are the same: a node passes when some hop of the type
// from it leads to a match of the rest, whichever hop is tried first. The
// subplan's predicates cannot fail (plan::optimize checks), so trying hops
// the node scan's early exit would skip changes nothing either.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/exec/cursors.hpp"

namespace ergo::exec {

class RelationshipSeeds {
 public:
  // Whether the relationships are the cheaper way on this graph: at least
  // a few thousand scanned nodes, and fewer relationships of the type than
  // 8 per scanned node.
  bool pay(const plan::SemiJoin& join, const store::Graph& g);

  // For each of `nodes` (the input rows' scanned nodes, in input order),
  // whether it passes. `base` is an input row (the slots other than the
  // scanned node's are the same in all of them); `subs` holds a subplan
  // cursor per thread and grows as needed.
  std::vector<char> run(const plan::SemiJoin& join, const std::vector<store::NodeId>& nodes, const Frame& base,
                        ExecContext& ctx, std::vector<CursorPtr>& subs);

 private:
  std::optional<store::TypeId> type_;  // the hop's, when the graph has it
};

}  // namespace ergo::exec
