// EXPLAIN: one line per operator (see operators.hpp).
#include <algorithm>

#include "engine/plan/operators.hpp"

#include "engine/algo/procedure.hpp"

namespace ergo::plan {
namespace {

std::string join(const std::vector<std::string>& items, const char* prefix, const char* separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? separator : "") + std::string(prefix) + items[i];
  return out;
}

std::string slot_name(std::size_t s) { return "$" + std::to_string(s); }

std::string arrow(Direction d, const std::vector<std::string>& types, const std::string& middle = "") {
  std::string inside = "[" + join(types, ":", "|") + middle + "]";
  switch (d) {
    case Direction::out: return "-" + inside + "->";
    case Direction::in: return "<-" + inside + "-";
    case Direction::both: return "-" + inside + "-";
  }
  return inside;
}

std::string hops(std::int64_t min, const std::optional<std::int64_t>& max) {
  return "*" + std::to_string(min) + ".." + (max ? std::to_string(*max) : "");
}

void render(const Operator& op, int depth, std::string& out) {
  out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + op.describe() + "\n";
  for (const Operator* child : op.children()) render(*child, depth + 1, out);
}

}  // namespace

std::string ScanNodes::describe() const {
  return labels.empty() ? "AllNodesScan " + slot_name(this->slot) : "NodeByLabelScan " + slot_name(this->slot) + join(labels, ":", "");
}

std::string SeekByName::describe() const {
  return "NodeByNameSeek " + slot_name(this->slot) + join(labels, ":", "") + " name = " + name->describe();
}

std::string SeekById::describe() const {
  return std::string(element_id ? "NodeByElementIdSeek " : "NodeByIdSeek ") + slot_name(this->slot) +
         join(labels, ":", "") + (element_id ? " elementId" : " id") + (in_list ? " IN " : " = ") + id->describe();
}

std::string CountExpand::describe() const {
  return "CountExpand (" + slot_name(from_slot) + ")" + arrow(direction, types, "") + "() as " + slot_name(count_slot);
}

std::string NodeDegree::describe() const {
  return "NodeDegree " + slot_name(slot) + join(labels, ":", "") + " (" + slot_name(slot) + ")" + arrow(direction, types, "") +
         "() as " + slot_name(count_slot);
}

std::string Expand::describe() const {
  return std::string(into ? "ExpandInto " : "Expand ") + "(" + slot_name(from_slot) + ")" + arrow(direction, types, " " + slot_name(rel_slot)) +
         "(" + slot_name(to_slot) + ")";
}

std::string SemiJoin::describe() const {
  std::string out = every_row_read ? "SemiJoin (first match per row, input split between threads" : "SemiJoin (first match per row";
  if (first_hop) {
    out += "; or from the :" + first_hop->types.front() +
           " relationships in id order when they number fewer than 8 per scanned node";
    if (first_hop_test) out += ", each first tested on its ." + first_hop_test->key + " column";
  }
  return out + ")";
}

std::string CountByType::describe() const {
  std::string counts;
  for (std::size_t s : count_slots) counts += ", " + slot_name(s) + " = count(*)";
  return "CountByType " + slot_name(type_slot) + " = type()" + counts + " of ()" + arrow(direction, types, "") + "()";
}

std::string BreadthFirstReach::describe() const {
  return "BreadthFirstReach (" + slot_name(from_slot) + ")" + arrow(direction, types, hops(min_hops, max_hops)) + "(" +
         slot_name(to_slot) + ")";
}

std::string CountReach::describe() const {
  std::string out;
  for (std::size_t i = 0; i < count_slots.size(); ++i) {
    out += (i ? ", " : " ") + slot_name(count_slots[i]) + " = count(DISTINCT " + slot_name(to_slot) + ")";
  }
  out += " of (" + slot_name(from_slot) + ")" + arrow(direction, types, hops(min_hops, max_hops)) + "(" +
         slot_name(to_slot) + ")";
  for (std::size_t i = 0; i < filters.size(); ++i) out += (i ? " AND " : " where ") + filters[i]->describe();
  return "CountReach" + out;
}

std::string VarExpand::describe() const {
  return std::string(into ? "VarExpandInto " : "VarExpand ") + "(" + slot_name(from_slot) + ")" +
         arrow(direction, types, hops(min_hops, max_hops)) + "(" + slot_name(to_slot) + ")";
}

std::string ShortestPath::describe() const {
  return std::string(all ? "AllShortestPaths " : "ShortestPath ") + "(" + slot_name(from_slot) + ")" +
         arrow(direction, types, hops(min_hops, max_hops)) + "(" + slot_name(to_slot) + ")";
}

std::string Project::describe() const {
  std::vector<std::string> parts;
  for (const auto& [s, e] : items) parts.push_back(slot_name(s) + " = " + e->describe());
  return "Project " + join(parts, "", ", ");
}

std::string Aggregate::describe() const {
  std::vector<std::string> parts;
  for (const auto& [s, e] : keys) parts.push_back(slot_name(s) + " = " + e->describe());
  for (const AggregateItem& a : aggregates) {
    const bool star = a.function == eval::AggregateFunction::count_star;
    parts.push_back(slot_name(a.slot) + " = " + std::string(eval::aggregate_spelling(a.function)) +
                    (star ? "" : "(" + std::string(a.distinct ? "DISTINCT " : "") +
                                     (a.argument ? a.argument->describe() : "") + ")"));
  }
  return "Aggregate " + join(parts, "", ", ") + (weight_slot ? " weighted by " + slot_name(*weight_slot) : "") +
         (keys_of_node ? " (groups keep a node of " + slot_name(*keys_of_node) +
                             (key_is_unique_name ? "; a group a node while names are unique" : "") +
                             (kept_by_count ? "; only groups whose count can make the first " +
                                                  (kept_by_count->skip ? kept_by_count->skip->describe() + " + " : "") +
                                                  kept_by_count->limit->describe()
                                            : "") +
                             ")"
                       : "");
}

std::string Sort::describe() const {
  std::vector<std::string> parts;
  for (const SortKey& k : keys) parts.push_back(k.key->describe() + (k.descending ? " DESC" : ""));
  std::string text = "Sort " + join(parts, "", ", ");
  if (limit) text += " (keep first " + (skip ? skip->describe() + " + " : "") + limit->describe() + ")";
  return text;
}

std::string CallProcedure::describe() const {
  std::vector<std::string> args, outs;
  for (const ExprPtr& a : arguments) args.push_back(a->describe());
  for (const Yield& y : yields) {
    const std::string& field = procedure->fields[y.field].name;
    outs.push_back(field + (field == y.name ? "" : " AS " + y.name) + " " + slot_name(y.slot));
  }
  return "ProcedureCall " + procedure->name + "(" + join(args, "", ", ") + ")" +
         (outs.empty() ? "" : " YIELD " + join(outs, "", ", "));
}

std::string Create::describe() const {
  return "Create " + std::to_string(nodes.size()) + " node(s), " + std::to_string(relationships.size()) +
         " relationship(s)";
}

std::string describe(const SetItem& item) {
  std::string out = item.target->describe();
  switch (item.kind) {
    case SetItem::Kind::property: out += "." + item.key + " = " + item.value->describe(); break;
    case SetItem::Kind::replace_properties: out += " = " + item.value->describe(); break;
    case SetItem::Kind::merge_properties: out += " += " + item.value->describe(); break;
    case SetItem::Kind::remove_property: out += "." + item.key; break;
    case SetItem::Kind::add_labels:
    case SetItem::Kind::remove_labels:
      for (const std::string& l : item.labels) out += ":" + l;
      break;
  }
  return out;
}

std::string SetItems::describe() const {
  std::string out = clause + " ";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + plan::describe(items[i]);
  return out;
}

std::string Merge::describe() const {
  std::string out = "Merge (else create " + std::to_string(std::count_if(nodes.begin(), nodes.end(), [](const CreateNode& n) {
                      return !n.existing;
                    })) + " node(s), " + std::to_string(relationships.size()) + " relationship(s))";
  auto items = [&](const char* what, const std::vector<SetItem>& list) {
    if (list.empty()) return;
    out += std::string(" ") + what + " ";
    for (std::size_t i = 0; i < list.size(); ++i) out += (i ? ", " : "") + plan::describe(list[i]);
  };
  items("ON MATCH SET", on_match);
  items("ON CREATE SET", on_create);
  return out;
}

std::string DeleteElements::describe() const {
  std::string out = detach ? "DetachDelete " : "Delete ";
  for (std::size_t i = 0; i < targets.size(); ++i) out += (i ? ", " : "") + targets[i]->describe();
  return out;
}

std::string Foreach::describe() const { return "Foreach " + slot_name(slot) + " IN " + list->describe(); }

std::string CallSubquery::describe() const {
  std::string out = column_slots.empty() ? "CallSubquery (unit)" : "CallSubquery";
  if (branches.size() > 1) out += distinct ? " UNION" : " UNION ALL";
  if (writes) out += " (eager)";
  return out;
}

std::string LoadCsv::describe() const {
  std::string out = headers ? "LoadCsv WITH HEADERS " : "LoadCsv ";
  out += source->describe() + " AS " + slot_name(slot);
  if (delimiter != ',') out += delimiter == '\t' ? " FIELDTERMINATOR '\\t'" : std::string(" FIELDTERMINATOR '") + delimiter + "'";
  return out;
}

std::string explain(const QueryPlan& plan) {
  std::string out;
  for (std::size_t i = 0; i < plan.parts.size(); ++i) {
    if (i) out += plan.union_distinct ? "UNION\n" : "UNION ALL\n";
    out += "Produce " + join(plan.columns, "", ", ") + "\n";
    render(*plan.parts[i].root, 1, out);
  }
  return out;
}

}  // namespace ergo::plan
