// Distinct (drop equivalent rows) and Sort (ORDER BY, by the openCypher
// orderability order, stable).
#include <algorithm>
#include <unordered_set>

#include "engine/exec/row_key.hpp"
#include "engine/plan/operators.hpp"

namespace ergo::plan {
namespace {

using exec::Cursor;
using exec::ExecContext;
using exec::Frame;

class DistinctCursor : public Cursor {
 public:
  DistinctCursor(const Distinct& op) : op_(op), input_(op.input->open()) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    while (input_->pull(frame, ctx)) {
      std::vector<Value> key;
      key.reserve(op_.slots.size());
      for (std::size_t slot : op_.slots) key.push_back(frame[slot]);
      if (seen_.insert(std::move(key)).second) return true;
    }
    return false;
  }

  void reset() override {
    input_->reset();
    seen_.clear();
  }

 private:
  const Distinct& op_;
  exec::CursorPtr input_;
  std::unordered_set<std::vector<Value>, exec::RowKeyHash, exec::RowKeyEqual> seen_;
};

class SortCursor : public Cursor {
 public:
  SortCursor(const Sort& op) : op_(op), input_(op.input->open()) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    if (!sorted_) sort(frame, ctx);
    if (next_ >= rows_.size()) return false;
    frame.values = std::move(rows_[order_[next_++]].frame);
    return true;
  }

  void reset() override {
    input_->reset();
    sorted_ = false;
    rows_.clear();
    order_.clear();
    next_ = 0;
  }

 private:
  struct Row {
    std::vector<Value> keys;
    std::vector<Value> frame;
  };

  void sort(Frame& frame, ExecContext& ctx) {
    sorted_ = true;
    while (input_->pull(frame, ctx)) {
      ctx.check_cancelled();
      Row row;
      for (const SortKey& k : op_.keys) row.keys.push_back(k.key->eval(frame, ctx));
      row.frame = frame.values;
      rows_.push_back(std::move(row));
    }
    order_.resize(rows_.size());
    for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = i;
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
      for (std::size_t k = 0; k < op_.keys.size(); ++k) {
        int c = eval::order(rows_[a].keys[k], rows_[b].keys[k]);
        if (c != 0) return op_.keys[k].descending ? c > 0 : c < 0;
      }
      return false;
    });
  }

  const Sort& op_;
  exec::CursorPtr input_;
  bool sorted_ = false;
  std::vector<Row> rows_;
  std::vector<std::size_t> order_;
  std::size_t next_ = 0;
};

}  // namespace

CursorPtr Distinct::open() const { return std::make_unique<DistinctCursor>(*this); }
CursorPtr Sort::open() const { return std::make_unique<SortCursor>(*this); }

}  // namespace ergo::plan
