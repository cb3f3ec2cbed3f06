// Aggregate: groups rows by their key values (under Cypher equivalence) and
// feeds each group's aggregators; emits one row per group in first-seen order.
#include <unordered_map>

#include "engine/eval/aggregates.hpp"
#include "engine/exec/row_key.hpp"
#include "engine/plan/operators.hpp"

namespace ergo::plan {
namespace {

using exec::Cursor;
using exec::ExecContext;
using exec::Frame;

class AggregateCursor : public Cursor {
 public:
  AggregateCursor(const Aggregate& op) : op_(op), input_(op.input->open()) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    if (!done_) consume(frame, ctx);
    if (next_ >= groups_.size()) return false;
    Group& g = groups_[next_++];
    for (std::size_t i = 0; i < op_.keys.size(); ++i) frame[op_.keys[i].first] = g.key[i];
    for (std::size_t i = 0; i < op_.aggregates.size(); ++i) {
      try {
        frame[op_.aggregates[i].slot] = g.aggregators[i]->result();
      } catch (const Error& e) {
        exec::rethrow_at(ctx, op_.aggregates[i].argument ? op_.aggregates[i].argument->span() : exec::Span{}, e);
      }
    }
    return true;
  }

  void reset() override {
    input_->reset();
    done_ = false;
    groups_.clear();
    index_.clear();
    next_ = 0;
  }

 private:
  struct Group {
    std::vector<Value> key;
    std::vector<std::unique_ptr<eval::Aggregator>> aggregators;
  };

  void consume(Frame& frame, ExecContext& ctx) {
    done_ = true;
    while (input_->pull(frame, ctx)) {
      ctx.check_cancelled();
      std::vector<Value> key;
      key.reserve(op_.keys.size());
      for (const auto& [slot, e] : op_.keys) key.push_back(e->eval(frame, ctx));
      auto [it, inserted] = index_.try_emplace(key, groups_.size());
      if (inserted) groups_.push_back(new_group(std::move(key), frame, ctx));
      Group& g = groups_[it->second];
      for (std::size_t i = 0; i < op_.aggregates.size(); ++i) {
        const AggregateItem& item = op_.aggregates[i];
        Value v = item.argument ? item.argument->eval(frame, ctx) : Value(true);
        try {
          g.aggregators[i]->add(v);
        } catch (const Error& e) {
          exec::rethrow_at(ctx, item.argument ? item.argument->span() : exec::Span{}, e);
        }
      }
    }
    // Without grouping keys there is always exactly one row.
    if (groups_.empty() && op_.keys.empty()) groups_.push_back(new_group({}, frame, ctx));
  }

  Group new_group(std::vector<Value> key, Frame& frame, ExecContext& ctx) {
    Group g{std::move(key), {}};
    for (const AggregateItem& item : op_.aggregates) {
      if (item.function == "count(*)") {
        g.aggregators.push_back(eval::make_count_star());
        continue;
      }
      std::optional<Value> parameter;
      if (item.parameter) parameter = item.parameter->eval(frame, ctx);
      try {
        g.aggregators.push_back(eval::make_aggregator(item.function, item.distinct, parameter));
      } catch (const Error& e) {
        exec::rethrow_at(ctx, item.parameter ? item.parameter->span() : exec::Span{}, e);
      }
    }
    return g;
  }

  const Aggregate& op_;
  exec::CursorPtr input_;
  bool done_ = false;
  std::vector<Group> groups_;
  std::unordered_map<std::vector<Value>, std::size_t, exec::RowKeyHash, exec::RowKeyEqual> index_;
  std::size_t next_ = 0;
};

}  // namespace

CursorPtr Aggregate::open() const { return std::make_unique<AggregateCursor>(*this); }

}  // namespace ergo::plan
