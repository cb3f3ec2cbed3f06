// SemiJoin: an input row passes when its subplan has a first row; the rest
// of the subplan's matches are never enumerated. Where every row will be
// read (plan::SemiJoin::every_row_read) and the input is large, the input
// comes in batches whose rows are split between threads, each running its
// own copy of the subplan (Q5: each company's INVESTS edges and their
// targets' DEVELOPS edges are random reads, so two cores wait on memory
// twice as fast).
#include <algorithm>
#include <atomic>
#include <exception>
#include <utility>
#include <vector>

#include "engine/exec/cursors.hpp"
#include "engine/exec/profile.hpp"
#include "engine/exec/semi_join_by_relationships.hpp"
#include "engine/runtime/lookup.hpp"
#include "grammar/text/parallel.hpp"

namespace ergo::exec {
namespace {

// Subplans made only of expansions and filters read the graph and their own
// frame, nothing else of the statement (no memory account, no counters):
// copies of them can run at once.
bool splittable(const plan::Operator& op) {
  using K = plan::OperatorKind;
  if (op.kind() != K::once && op.kind() != K::expand && op.kind() != K::filter) return false;
  for (const plan::Operator* child : op.children()) {
    if (child && !splittable(*child)) return false;
  }
  return true;
}

class SemiJoinCursor : public Cursor {
 public:
  explicit SemiJoinCursor(const plan::SemiJoin& op)
      : op_(op), input_(open(*op.input)), sub_(open(*op.subplan)), splittable_(op.every_row_read && splittable(*op.subplan)) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    if (way_ == Way::undecided) {
      way_ = op_.first_hop && !profiling() && ctx.graph.adjacency_current() && seeds_.pay(op_, ctx.graph)
                 ? Way::from_relationships
                 : Way::from_nodes;
    }
    if (way_ == Way::from_relationships) return pull_from_relationships(frame, ctx);
    if (splittable_ && ctx.threads > 1 && !profiling() && ctx.graph.adjacency_current()) return pull_split(frame, ctx);
    while (input_->pull(frame, ctx)) {
      ctx.check_cancelled();
      sub_->reset();
      if (sub_->pull(frame, ctx)) return true;
    }
    return false;
  }

  void reset() override {
    input_->reset();
    way_ = Way::undecided;
    nodes_.clear();
    rows_ = 0;
    next_ = 0;
    input_done_ = false;
    input_error_ = nullptr;
  }

 private:
  // Below this many input rows, one thread: starting another costs more.
  static constexpr std::size_t batch_rows = 16384;
  static constexpr std::size_t chunk_rows = 1024;

  bool pull_split(Frame& frame, ExecContext& ctx) {
    for (;;) {
      for (; next_ < rows_; ++next_) {
        if (passed_[next_]) {
          std::swap(frame, batch_[next_++]);  // the batch keeps a frame's room for the next batch
          return true;
        }
      }
      if (input_error_) std::rethrow_exception(std::exchange(input_error_, nullptr));
      if (input_done_) return false;
      fill_batch(frame, ctx);
      if (rows_ == 0 && !input_error_) return false;
    }
  }

  // Every input row's node first (an error in the input kept until the
  // rows before it are out), then which pass (semi_join_by_relationships.hpp).
  bool pull_from_relationships(Frame& frame, ExecContext& ctx) {
    if (!input_done_) {
      input_done_ = true;
      try {
        while (input_->pull(frame, ctx)) nodes_.push_back(*runtime::node_in(frame[op_.scanned_slot]));
      } catch (...) {
        input_error_ = std::current_exception();
      }
      passed_ = seeds_.run(op_, nodes_, frame, ctx, subs_);
    }
    while (next_ < nodes_.size()) {
      const std::size_t i = next_++;
      if (passed_[i]) {
        frame[op_.scanned_slot] = NodeRef{nodes_[i]};
        return true;
      }
    }
    if (input_error_) std::rethrow_exception(std::exchange(input_error_, nullptr));
    return false;
  }

  // The next batch of input rows, and which of them pass.
  void fill_batch(Frame& frame, ExecContext& ctx) {
    rows_ = 0;
    next_ = 0;
    try {
      while (rows_ < batch_rows && input_->pull(frame, ctx)) {
        if (rows_ == batch_.size()) batch_.emplace_back();
        batch_[rows_++] = frame;  // into the room the frame had: no allocation after the first batch
      }
    } catch (...) {
      // One thread would meet it after the rows before it: kept until they are out.
      input_error_ = std::current_exception();
    }
    input_done_ = rows_ < batch_rows;
    passed_.assign(rows_, 0);
    const std::size_t parts = rows_ < batch_rows ? 1 : std::min<std::size_t>(ctx.threads, 16);
    while (subs_.size() < parts) subs_.push_back(open(*op_.subplan));
    // The rows go out in chunks to whichever part is free, so a core busy
    // elsewhere takes fewer. Each chunk stops at its first error; the
    // lowest chunk's is rethrown: the one a single thread meets first.
    const std::size_t chunks = (rows_ + chunk_rows - 1) / chunk_rows;
    chunk_errors_.assign(chunks, nullptr);
    std::atomic<std::size_t> next_chunk{0};
    text::run_parts(parts, [&](std::size_t p) {
      ExecContext local = ctx;  // its own counters; the same graph, parameters, clock and limits
      ExecContext& c = p == 0 ? ctx : local;
      Cursor& sub = *subs_[p];
      for (std::size_t k; (k = next_chunk.fetch_add(1, std::memory_order_relaxed)) < chunks;) {
        try {
          for (std::size_t i = k * chunk_rows, end = std::min(rows_, i + chunk_rows); i < end; ++i) {
            c.check_cancelled();
            sub.reset();
            passed_[i] = sub.pull(batch_[i], c);
          }
        } catch (...) {
          chunk_errors_[k] = std::current_exception();
        }
      }
    });
    for (const std::exception_ptr& e : chunk_errors_) {
      if (e) std::rethrow_exception(e);
    }
  }

  enum class Way { undecided, from_nodes, from_relationships };

  const plan::SemiJoin& op_;
  Way way_ = Way::undecided;
  RelationshipSeeds seeds_;
  std::vector<store::NodeId> nodes_;  // from_relationships: the input rows' nodes
  CursorPtr input_;
  CursorPtr sub_;
  const bool splittable_;
  std::vector<CursorPtr> subs_;  // one subplan per part
  std::vector<Frame> batch_;  // rows_ of them are this batch's
  std::size_t rows_ = 0;
  std::vector<char> passed_;
  std::size_t next_ = 0;
  bool input_done_ = false;
  std::exception_ptr input_error_;
  std::vector<std::exception_ptr> chunk_errors_;
};

}  // namespace

CursorPtr open_cursor(const plan::SemiJoin& op) { return std::make_unique<SemiJoinCursor>(op); }

}  // namespace ergo::exec
