// Distinct (drop equivalent rows) and Sort (ORDER BY, by the openCypher
// orderability order, stable).
#include <algorithm>
#include <limits>
#include <optional>
#include <unordered_set>

#include "engine/exec/cursors.hpp"
#include "engine/exec/row_count.hpp"
#include "engine/exec/row_key.hpp"

namespace ergo::exec {
namespace {

using plan::Distinct;
using plan::SortKey;
using plan::Sort;

class DistinctCursor : public Cursor {
 public:
  DistinctCursor(const Distinct& op) : op_(op), input_(open(*op.input)) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    while (input_->pull(frame, ctx)) {
      std::vector<Value> key;
      key.reserve(op_.slots.size());
      for (std::size_t slot : op_.slots) key.push_back(frame[slot]);
      const std::size_t bytes = row_bytes(key);
      if (seen_.insert(std::move(key)).second) {
        held_.add(ctx.memory, bytes);
        return true;
      }
    }
    return false;
  }

  void reset() override {
    input_->reset();
    seen_.clear();
    held_.clear();
  }

 private:
  const Distinct& op_;
  CursorPtr input_;
  std::unordered_set<std::vector<Value>, RowKeyHash, RowKeyEqual> seen_;
  runtime::MemoryHold held_;  // the keys in seen_
};

class SortCursor : public Cursor {
 public:
  SortCursor(const Sort& op) : op_(op), input_(open(*op.input)) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    if (!sorted_) sort(frame, ctx);
    if (next_ >= rows_.size()) return false;
    frame.values = std::move(rows_[next_++].frame);
    return true;
  }

  void reset() override {
    input_->reset();
    sorted_ = false;
    rows_.clear();
    held_.clear();
    next_ = 0;
  }

 private:
  struct Row {
    std::vector<Value> keys;
    std::vector<Value> frame;
    std::size_t sequence;  // input order, for a stable sort
  };

  // Whether `a` comes before `b` in the output.
  bool before(const std::vector<Value>& a_keys, std::size_t a_seq, const Row& b) const {
    for (std::size_t k = 0; k < op_.keys.size(); ++k) {
      int c = eval::order(a_keys[k], b.keys[k]);
      if (c != 0) return op_.keys[k].descending ? c > 0 : c < 0;
    }
    return a_seq < b.sequence;
  }

  void sort(Frame& frame, ExecContext& ctx) {
    sorted_ = true;
    std::optional<std::int64_t> keep;
    // Sorting millions of rows takes seconds: honour interrupt() and the
    // time limit every 4,096 comparisons (rows_ is discarded if it throws).
    std::size_t comparisons = 0;
    auto less = [&](const Row& a, const Row& b) {
      if ((++comparisons & 0xFFF) == 0) ctx.check_cancelled();
      return before(a.keys, a.sequence, b);
    };
    std::vector<Value> keys;
    for (std::size_t sequence = 0; input_->pull(frame, ctx); ++sequence) {
      ctx.check_cancelled();
      if (op_.limit && !keep) {
        keep = row_count(*op_.limit, frame, ctx, "LIMIT");
        // SKIP + LIMIT saturates: LIMIT near INT64_MAX means "all rows".
        if (op_.skip && __builtin_add_overflow(*keep, row_count(*op_.skip, frame, ctx, "SKIP"), &*keep))
          keep = std::numeric_limits<std::int64_t>::max();
      }
      keys.clear();
      for (const SortKey& k : op_.keys) keys.push_back(k.key->eval(frame, ctx));
      if (!keep || static_cast<std::int64_t>(rows_.size()) < *keep) {
        held_.add(ctx.memory, row_bytes(keys) + row_bytes(frame.values));
        rows_.push_back({keys, frame.values, sequence});
        if (keep) std::push_heap(rows_.begin(), rows_.end(), less);
        continue;
      }
      // A full bounded heap: the row replaces the last one kept if it
      // comes before it (never on a tie: it came later).
      if (rows_.empty() || !before(keys, sequence, rows_.front())) continue;
      std::pop_heap(rows_.begin(), rows_.end(), less);
      // The budget follows the rows kept: the new one in, the last one out.
      held_.add(ctx.memory, row_bytes(keys) + row_bytes(frame.values));
      held_.sub(row_bytes(rows_.back().keys) + row_bytes(rows_.back().frame));
      rows_.back() = {keys, frame.values, sequence};
      std::push_heap(rows_.begin(), rows_.end(), less);
    }
    if (keep) {
      std::sort_heap(rows_.begin(), rows_.end(), less);
    } else {
      std::sort(rows_.begin(), rows_.end(), less);  // stable: ties go by sequence
    }
  }

  const Sort& op_;
  CursorPtr input_;
  bool sorted_ = false;
  std::vector<Row> rows_;
  runtime::MemoryHold held_;  // the rows in rows_
  std::size_t next_ = 0;
};

}  // namespace

CursorPtr open_cursor(const plan::Distinct& op) { return std::make_unique<DistinctCursor>(op); }
CursorPtr open_cursor(const plan::Sort& op) { return std::make_unique<SortCursor>(op); }

}  // namespace ergo::exec
