// PROFILE: how many rows each operator produced and how long it took. While
// a profiled statement runs on a thread (a ProfileScope is open), open()
// wraps every operator's cursor — subplans' too — in one that counts.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "engine/plan/operators.hpp"
#include "engine/runtime/cursor.hpp"
#include "ergo/profiled_plan.hpp"

namespace ergo::exec {

struct OperatorProfile {
  std::uint64_t rows = 0;
  std::uint64_t nanoseconds = 0;  // inclusive: the operator and its inputs
};

using Profile = std::unordered_map<const plan::Operator*, OperatorProfile>;

// Profiles the cursors this thread opens until it goes out of scope.
class ProfileScope {
 public:
  explicit ProfileScope(Profile& profile);
  ~ProfileScope();
  ProfileScope(const ProfileScope&) = delete;
  ProfileScope& operator=(const ProfileScope&) = delete;

 private:
  Profile* previous_;
};

// Whether a ProfileScope is open on this thread: an operator that would
// split its work between threads runs it on this one instead, so every
// row is counted.
bool profiling();

// `cursor` counted for `op` when a ProfileScope is open, else itself.
runtime::CursorPtr profiled(const plan::Operator& op, runtime::CursorPtr cursor);

// The plan as a tree, each operator with its rows and own time (its inputs'
// time taken out); ergo::to_text() shows it as EXPLAIN's lines with
// "(rows 12, 0.041 ms)" after each.
ProfiledOperator profiled_plan(const plan::QueryPlan& plan, const Profile& profile);

}  // namespace ergo::exec
