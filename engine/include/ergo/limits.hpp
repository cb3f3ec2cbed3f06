// ergo::Limits: how much one statement may take — time, length of its
// text, memory held by its operators — so a query from an untrusted hand (a
// server's client, a generated script) ends with an error instead of
// running without end or exhausting the machine. Set with
// Database::set_limits(); docs/embedding.md lists the defaults.
//
// A plain value type on purpose: this header includes nothing heavier than
// <cstddef>/<cstdint>, so every consumer of <ergo/database.hpp> stays cheap
// to compile (milliseconds as an integer rather than std::chrono).
#pragma once

#include <cstddef>
#include <cstdint>

namespace ergo {

struct Limits {
  // Wall-clock milliseconds a statement may run; past it, it stops at its
  // next check with ergo::Error (runtime_error, code "TimedOut") and what it
  // changed is undone. 0, the default: no limit.
  std::int64_t time_limit_ms = 0;

  // The longest query text execute() and prepare() accept, in bytes;
  // longer text is refused (syntax_error, code "QueryTooLong") before it is
  // parsed. 0: no limit. Default 1 MiB.
  std::size_t max_query_length = std::size_t{1} << 20;

  // Bytes the statement's materializing operators may hold at once: the
  // rows of ORDER BY and DISTINCT, the groups of aggregation and the values
  // collect() and percentiles gather, the lists range() and other functions
  // build, and the rows of the answer (paths included). Past it, the statement
  // stops with ergo::Error (runtime_error, code "MemoryLimitExceeded"),
  // undoing what it changed. An estimate of ergo's own data, not of the
  // allocator's. 0, the default: no limit.
  std::size_t memory_bytes = 0;

  friend bool operator==(const Limits&, const Limits&) = default;
};

}  // namespace ergo
