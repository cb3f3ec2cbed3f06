// The text of a profiled plan (ergo/profiled_plan.hpp): EXPLAIN's lines,
// indented by depth, each operator with its rows and own time.
#include "ergo/profiled_plan.hpp"

#include <cstdio>

namespace ergo {
namespace {

void operator_lines(const ProfiledOperator& op, int depth, std::string& out) {
  char time[32];
  std::snprintf(time, sizeof time, "%.3f ms", static_cast<double>(op.nanoseconds) / 1e6);
  out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + op.name + (op.details.empty() ? "" : " ") +
         op.details + "  (rows " + std::to_string(op.rows) + ", " + time + ")\n";
  for (const ProfiledOperator& child : op.children) operator_lines(child, depth + 1, out);
}

// "Produce columns" as EXPLAIN writes it, then the part's operators.
void produce_lines(const ProfiledOperator& produce, std::string& out) {
  out += "Produce " + produce.details + "\n";
  for (const ProfiledOperator& child : produce.children) operator_lines(child, 1, out);
}

}  // namespace

std::string to_text(const ProfiledOperator& plan) {
  std::string out;
  if (plan.name != "Union") {
    produce_lines(plan, out);
    return out;
  }
  for (std::size_t i = 0; i < plan.children.size(); ++i) {
    if (i) out += plan.details + "\n";
    produce_lines(plan.children[i], out);
  }
  return out;
}

}  // namespace ergo
