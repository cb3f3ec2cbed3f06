// The cursor of each operator class, one factory per class, defined beside
// the cursor in the *_cursor(s).cpp files; open() picks one by kind. Private
// to engine/exec.
#pragma once

#include <cstdint>
#include <span>

#include "engine/exec/open.hpp"
#include "engine/plan/operators.hpp"
#include "engine/runtime/cursor.hpp"

namespace ergo::exec {

// Cursors are written against the runtime's vocabulary.
using runtime::Cursor;
using runtime::CursorPtr;
using runtime::ExecContext;
using runtime::Frame;
using runtime::Span;
using runtime::error_at;
using runtime::rethrow_at;

// NodeDegree's rows without writing them to the frame: for an Aggregate
// that only looks at most of them to drop them (Aggregate::kept_by_count,
// Q6), the frame writes were most of the work.
class DegreeRows {
 public:
  // Up to nodes.size() next nodes with at least one hop, and their hops
  // (hops.size() == nodes.size()); how many, 0 at the end.
  virtual std::size_t next_degrees(Frame& frame, ExecContext& ctx, std::span<store::NodeId> nodes,
                                   std::span<std::int64_t> hops) = 0;

 protected:
  ~DegreeRows() = default;
};

CursorPtr open_cursor(const plan::Once& op);
CursorPtr open_cursor(const plan::ScanNodes& op);
CursorPtr open_cursor(const plan::SeekByName& op);
CursorPtr open_cursor(const plan::SeekById& op);
CursorPtr open_cursor(const plan::Expand& op);
CursorPtr open_cursor(const plan::CountExpand& op);
CursorPtr open_cursor(const plan::NodeDegree& op);
CursorPtr open_cursor(const plan::VarExpand& op);
CursorPtr open_cursor(const plan::BreadthFirstReach& op);
CursorPtr open_cursor(const plan::CountReach& op);
CursorPtr open_cursor(const plan::ShortestPath& op);
CursorPtr open_cursor(const plan::Filter& op);
CursorPtr open_cursor(const plan::Project& op);
CursorPtr open_cursor(const plan::Aggregate& op);
CursorPtr open_cursor(const plan::CountByType& op);
CursorPtr open_cursor(const plan::Distinct& op);
CursorPtr open_cursor(const plan::Sort& op);
CursorPtr open_cursor(const plan::Skip& op);
CursorPtr open_cursor(const plan::Limit& op);
CursorPtr open_cursor(const plan::Unwind& op);
CursorPtr open_cursor(const plan::Optional& op);
CursorPtr open_cursor(const plan::SemiJoin& op);
CursorPtr open_cursor(const plan::CallProcedure& op);
CursorPtr open_cursor(const plan::Create& op);
CursorPtr open_cursor(const plan::SetItems& op);
CursorPtr open_cursor(const plan::DeleteElements& op);
CursorPtr open_cursor(const plan::Merge& op);
CursorPtr open_cursor(const plan::Foreach& op);
CursorPtr open_cursor(const plan::CallSubquery& op);
CursorPtr open_cursor(const plan::LoadCsv& op);

}  // namespace ergo::exec
