// PROFILE (see profile.hpp).
#include "engine/exec/profile.hpp"

#include <chrono>
#include <cstdio>

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

void render(const plan::Operator& op, const Profile& profile, int depth, std::string& out) {
  auto found = profile.find(&op);
  const OperatorProfile mine = found == profile.end() ? OperatorProfile{} : found->second;
  std::uint64_t inputs = 0;
  for (const plan::Operator* child : op.children()) {
    if (auto c = profile.find(child); c != profile.end()) inputs += c->second.nanoseconds;
  }
  const std::uint64_t own = mine.nanoseconds > inputs ? mine.nanoseconds - inputs : 0;
  char time[32];
  std::snprintf(time, sizeof time, "%.3f ms", static_cast<double>(own) / 1e6);
  out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + op.describe() + "  (rows " +
         std::to_string(mine.rows) + ", " + time + ")\n";
  for (const plan::Operator* child : op.children()) render(*child, profile, depth + 1, out);
}

}  // namespace

ProfileScope::ProfileScope(Profile& profile) : previous_(active) { active = &profile; }
ProfileScope::~ProfileScope() { active = previous_; }

runtime::CursorPtr profiled(const plan::Operator& op, runtime::CursorPtr cursor) {
  if (!active) return cursor;
  return std::make_unique<ProfileCursor>(std::move(cursor), (*active)[&op]);
}

std::string render_profile(const plan::QueryPlan& plan, const Profile& profile) {
  std::string out;
  for (std::size_t i = 0; i < plan.parts.size(); ++i) {
    if (i) out += plan.union_distinct ? "UNION\n" : "UNION ALL\n";
    std::string columns;
    for (std::size_t c = 0; c < plan.columns.size(); ++c) columns += (c ? ", " : "") + plan.columns[c];
    out += "Produce " + columns + "\n";  // as EXPLAIN writes it
    render(*plan.parts[i].root, profile, 1, out);
  }
  return out;
}

}  // namespace ergo::exec
