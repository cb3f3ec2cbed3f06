// What every cursor and expression can reach while a query runs: the graph,
// the parameters, the query text (to place runtime errors), the change
// counters, the cancellation flag and the opener of subplans.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/runtime/memory.hpp"
#include "engine/store/graph.hpp"
#include "ergo/error.hpp"
#include "ergo/params.hpp"
#include "ergo/query_stats.hpp"
#include "grammar/text/source_text.hpp"
#include "grammar/text/span.hpp"

namespace ergo::runtime {

using Span = text::Span;

class PlanOpener;

struct ExecContext {
  store::Graph& graph;
  const Params& params;
  text::SourcePtr source;
  QueryStats stats;
  // Database::interrupt() bumps this counter; a query whose start value no
  // longer matches has been cancelled.
  const std::atomic<std::uint64_t>* interrupts = nullptr;
  std::uint64_t interrupts_at_start = 0;
  // Opens the subplans of pattern predicates and comprehensions. The
  // executor sets it: expressions sit below it and cannot name its cursors.
  const PlanOpener* plans = nullptr;
  // Nodes a plain DELETE removed, with the expression that named them: each
  // must have no relationships left when the statement ends (checked then,
  // as Neo4j checks at commit, so `DELETE n, r` works in any order).
  struct DeletedNode {
    store::NodeId node;
    Span at;
    std::string name;  // its `name` property, read before it was deleted
  };
  std::vector<DeletedNode> deleted_nodes;

  // The statement's time limit (Limits::time_limit_ms), when it has one:
  // past `deadline` it stops at its next check.
  std::optional<std::chrono::steady_clock::time_point> deadline;
  std::chrono::milliseconds time_limit{0};

  // What the statement's materializing operators hold, against
  // Limits::memory_bytes (see memory.hpp).
  MemoryAccount memory;

  // The statement and transaction clocks of date(), datetime() and their
  // .statement() and .transaction() forms: fixed when each began.
  std::chrono::system_clock::time_point statement_time{};
  std::chrono::system_clock::time_point transaction_time{};

  // How many threads an operator may split its work between
  // (Database::set_threads); 1 runs everything on the calling thread.
  std::size_t threads = 1;

  // The Expand (a plan::Expand, held untyped: the runtime sits below the
  // plan) whose relationship and far node a SemiJoin has already put in
  // the frame: it passes each input row once instead of expanding
  // (exec/semi_join_by_relationships.cpp).
  const void* seeded_expand = nullptr;

  // Where LOAD CSV may read (Database::set_import_directory); set only for
  // a statement with a LOAD CSV, empty text when none is allowed.
  std::shared_ptr<const std::string> import_directory;

  // Throws when the query was cancelled (Ctrl-C) or ran past its time
  // limit. Cheap enough for every row: an atomic load and a vDSO clock read.
  void check_cancelled() const {
    if (interrupts && interrupts->load(std::memory_order_relaxed) != interrupts_at_start) {
      throw Error(ErrorKind::runtime_error, "the query was cancelled").with_code("Cancelled");
    }
    if (deadline && std::chrono::steady_clock::now() >= *deadline) throw timed_out();
  }
  [[nodiscard]] Error timed_out() const;
};

// An ergo::Error of `kind` placed at `span` of the query text.
[[nodiscard]] Error error_at(const ExecContext& ctx, Span span, ErrorKind kind, const std::string& message);

// Throws DeletedEntityAccess when `v` is a node or relationship deleted
// earlier in this statement: its labels and properties are gone (Neo4j
// fails the same way); the element itself may still be returned.
void check_not_deleted(const ExecContext& ctx, Span span, const Value& v);

// Rethrows `e` placed at `span` unless it already carries a position.
[[noreturn]] void rethrow_at(const ExecContext& ctx, Span span, const Error& e);

}  // namespace ergo::runtime
