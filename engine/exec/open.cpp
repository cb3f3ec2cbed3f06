// open(): a switch over plan::OperatorKind. It has no default, so adding a
// kind without a cursor is a -Wswitch warning (an error under -Werror), not
// a crash at run time.
#include "engine/exec/open.hpp"

#include <stdexcept>

#include "engine/exec/cursors.hpp"
#include "engine/exec/profile.hpp"

namespace ergo::exec {
namespace {

template <class Op>
CursorPtr as(const plan::Operator& op) {
  return open_cursor(static_cast<const Op&>(op));
}

class Opener final : public runtime::PlanOpener {
 public:
  CursorPtr open(const plan::Operator& op) const override { return exec::open(op); }
};

}  // namespace

namespace {

CursorPtr open_unprofiled(const plan::Operator& op) {
  using K = plan::OperatorKind;
  switch (op.kind()) {
    case K::once: return as<plan::Once>(op);
    case K::scan_nodes: return as<plan::ScanNodes>(op);
    case K::seek_by_name: return as<plan::SeekByName>(op);
    case K::seek_by_id: return as<plan::SeekById>(op);
    case K::expand: return as<plan::Expand>(op);
    case K::count_expand: return as<plan::CountExpand>(op);
    case K::node_degree: return as<plan::NodeDegree>(op);
    case K::var_expand: return as<plan::VarExpand>(op);
    case K::breadth_first_reach: return as<plan::BreadthFirstReach>(op);
    case K::count_reach: return as<plan::CountReach>(op);
    case K::shortest_path: return as<plan::ShortestPath>(op);
    case K::filter: return as<plan::Filter>(op);
    case K::project: return as<plan::Project>(op);
    case K::aggregate: return as<plan::Aggregate>(op);
    case K::count_by_type: return as<plan::CountByType>(op);
    case K::distinct: return as<plan::Distinct>(op);
    case K::sort: return as<plan::Sort>(op);
    case K::skip: return as<plan::Skip>(op);
    case K::limit: return as<plan::Limit>(op);
    case K::unwind: return as<plan::Unwind>(op);
    case K::optional: return as<plan::Optional>(op);
    case K::semi_join: return as<plan::SemiJoin>(op);
    case K::call_procedure: return as<plan::CallProcedure>(op);
    case K::create: return as<plan::Create>(op);
    case K::set_items: return as<plan::SetItems>(op);
    case K::delete_elements: return as<plan::DeleteElements>(op);
    case K::merge: return as<plan::Merge>(op);
    case K::foreach: return as<plan::Foreach>(op);
    case K::call_subquery: return as<plan::CallSubquery>(op);
    case K::load_csv: return as<plan::LoadCsv>(op);
  }
  throw std::logic_error("exec::open: an operator kind out of range");
}

}  // namespace

CursorPtr open(const plan::Operator& op) { return profiled(op, open_unprofiled(op)); }

const runtime::PlanOpener& plan_opener() {
  static const Opener opener;
  return opener;
}

}  // namespace ergo::exec
