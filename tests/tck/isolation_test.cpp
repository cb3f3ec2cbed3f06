// Tests of fork-per-feature containment: verdicts stream back intact, and a
// crashing or hanging scenario costs only itself.
#include "tools/tck/isolation.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <thread>

namespace ergo::tck {
namespace {

std::vector<Scenario> named(std::vector<std::string> names) {
  std::vector<Scenario> out;
  for (auto& n : names) out.push_back(Scenario{n, {}, {}, 0});
  return out;
}

std::vector<std::pair<std::size_t, Outcome>> run_all(const std::vector<Scenario>& scenarios, const RunOne& run_one,
                                                     IsolationConfig config) {
  std::vector<std::pair<std::size_t, Outcome>> got;
  run_isolated(scenarios, run_one, config, [&](std::size_t i, const Outcome& o) { got.emplace_back(i, o); });
  return got;
}

TEST(TckIsolation, OutcomesRoundTripThroughTheChild) {
  auto scenarios = named({"a", "b"});
  auto got = run_all(
      scenarios,
      [](const Scenario& s) {
        Outcome o;
        if (s.name == "b") {
          o.status = Status::fail;
          o.reason = "two\nlines";
          o.details = "details with \"quotes\" and R 1 2 3\n";
          o.error_phase = Check::mismatched;
          o.error_detail = Check::matched;
        }
        return o;
      },
      IsolationConfig{});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].first, 0u);
  EXPECT_EQ(got[0].second.status, Status::pass);
  EXPECT_FALSE(got[0].second.error_phase);
  EXPECT_EQ(got[1].second.status, Status::fail);
  EXPECT_EQ(got[1].second.reason, "two\nlines");
  EXPECT_EQ(got[1].second.details, "details with \"quotes\" and R 1 2 3\n");
  EXPECT_EQ(got[1].second.error_phase, Check::mismatched);
  EXPECT_EQ(got[1].second.error_detail, Check::matched);
}

TEST(TckIsolation, CrashAndHangCostOneScenarioEach) {
  auto scenarios = named({"ok", "crash", "hang", "after"});
  IsolationConfig config;
  config.timeout_seconds = 0.5;
  auto got = run_all(
      scenarios,
      [](const Scenario& s) {
        if (s.name == "crash") std::raise(SIGSEGV);
        if (s.name == "hang") std::this_thread::sleep_for(std::chrono::seconds(30));
        return Outcome{};
      },
      config);
  ASSERT_EQ(got.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(got[i].first, i);
  EXPECT_EQ(got[0].second.status, Status::pass);
  EXPECT_EQ(got[1].second.status, Status::fail);
  EXPECT_NE(got[1].second.reason.find("crashed"), std::string::npos) << got[1].second.reason;
  EXPECT_NE(got[1].second.reason.find("signal 11"), std::string::npos) << got[1].second.reason;
  EXPECT_EQ(got[2].second.status, Status::fail);
  EXPECT_EQ(got[2].second.reason.rfind("timeout", 0), 0u) << got[2].second.reason;
  EXPECT_EQ(got[3].second.status, Status::pass);
}

TEST(TckIsolation, WithoutForkRunsInProcess) {
  auto scenarios = named({"x"});
  int calls = 0;
  IsolationConfig config;
  config.fork = false;
  auto got = run_all(scenarios, [&](const Scenario&) { ++calls; return Outcome{}; }, config);
  EXPECT_EQ(calls, 1);
  ASSERT_EQ(got.size(), 1u);
}

}  // namespace
}  // namespace ergo::tck
