// PROFILE (see profile.hpp).
#include "engine/exec/profile.hpp"

#include <chrono>

namespace ergo::exec {
namespace {

thread_local Profile* active = nullptr;

class ProfileCursor final : public runtime::Cursor {
 public:
  ProfileCursor(runtime::CursorPtr inner, OperatorProfile& counts) : inner_(std::move(inner)), counts_(counts) {}

  bool pull(runtime::Frame& frame, runtime::ExecContext& ctx) override {
    const auto start = std::chrono::steady_clock::now();
    const bool row = inner_->pull(frame, ctx);
    counts_.nanoseconds += static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count());
    counts_.rows += row;
    return row;
  }
  void reset() override { inner_->reset(); }

 private:
  runtime::CursorPtr inner_;
  OperatorProfile& counts_;  // in the Profile, which outlives the statement's cursors
};

ProfiledOperator tree(const plan::Operator& op, const Profile& profile) {
  auto found = profile.find(&op);
  const OperatorProfile mine = found == profile.end() ? OperatorProfile{} : found->second;
  std::uint64_t inputs = 0;
  for (const plan::Operator* child : op.children()) {
    if (auto c = profile.find(child); c != profile.end()) inputs += c->second.nanoseconds;
  }
  ProfiledOperator out;
  const std::string line = op.describe();
  const std::size_t space = line.find(' ');
  out.name = line.substr(0, space);
  out.details = space == std::string::npos ? std::string() : line.substr(space + 1);
  out.rows = mine.rows;
  out.nanoseconds = mine.nanoseconds > inputs ? mine.nanoseconds - inputs : 0;
  for (const plan::Operator* child : op.children()) out.children.push_back(tree(*child, profile));
  return out;
}

}  // namespace

ProfileScope::ProfileScope(Profile& profile) : previous_(active) { active = &profile; }
ProfileScope::~ProfileScope() { active = previous_; }

bool profiling() { return active != nullptr; }

runtime::CursorPtr profiled(const plan::Operator& op, runtime::CursorPtr cursor) {
  if (!active) return cursor;
  return std::make_unique<ProfileCursor>(std::move(cursor), (*active)[&op]);
}

ProfiledOperator profiled_plan(const plan::QueryPlan& plan, const Profile& profile) {
  std::string columns;
  for (std::size_t c = 0; c < plan.columns.size(); ++c) columns += (c ? ", " : "") + plan.columns[c];
  std::vector<ProfiledOperator> parts;
  for (const plan::QueryPlan::Part& part : plan.parts) {
    ProfiledOperator produce{"Produce", columns, 0, 0, {tree(*part.root, profile)}};
    produce.rows = produce.children.front().rows;
    parts.push_back(std::move(produce));
  }
  if (parts.size() == 1) return std::move(parts.front());
  ProfiledOperator all{"Union", plan.union_distinct ? "UNION" : "UNION ALL", 0, 0, std::move(parts)};
  for (const ProfiledOperator& p : all.children) all.rows += p.rows;  // before UNION drops repeats
  return all;
}

}  // namespace ergo::exec
