// The row-at-a-time cursors: Once, Filter, Project, Skip, Limit, Unwind.
#include "engine/exec/cursors.hpp"
#include "engine/exec/row_count.hpp"
#include "engine/eval/functions.hpp"
#include "engine/eval/integer_range.hpp"
#include "engine/expr/nodes.hpp"
#include "engine/runtime/lookup.hpp"

namespace ergo::exec {
namespace {

using plan::Filter;
using plan::Project;
using plan::Skip;
using plan::Limit;
using plan::Unwind;

class OnceCursor : public Cursor {
 public:
  bool pull(Frame&, ExecContext&) override { return !std::exchange(done_, true); }
  void reset() override { done_ = false; }

 private:
  bool done_ = false;
};

class FilterCursor : public Cursor {
 public:
  FilterCursor(const Filter& op) : op_(op), input_(open(*op.input)) {}
  bool pull(Frame& frame, ExecContext& ctx) override {
    while (input_->pull(frame, ctx)) {
      ctx.check_cancelled();  // a filter may reject rows for a long time
      Value v = op_.predicate->eval(frame, ctx);
      if (auto* b = v.get_if<bool>()) {
        if (*b) return true;
      } else if (!v.is_null()) {
        throw error_at(ctx, op_.predicate->span(), ErrorKind::type_error,
                       std::string("a predicate must be a boolean, got ") + type_name(v.type()));
      }
    }
    return false;
  }
  void reset() override { input_->reset(); }

 private:
  const Filter& op_;
  CursorPtr input_;
};

class ProjectCursor : public Cursor {
 public:
  ProjectCursor(const Project& op) : op_(op), input_(open(*op.input)) {}
  bool pull(Frame& frame, ExecContext& ctx) override {
    if (!input_->pull(frame, ctx)) return false;
    // Evaluate all before writing any: `WITH a.x AS a, a AS b` reads the old a.
    values_.clear();
    for (const auto& [slot, e] : op_.items) values_.push_back(e->eval(frame, ctx));
    for (std::size_t i = 0; i < op_.items.size(); ++i) frame[op_.items[i].first] = std::move(values_[i]);
    return true;
  }
  void reset() override { input_->reset(); }

 private:
  const Project& op_;
  CursorPtr input_;
  std::vector<Value> values_;
};

class SkipCursor : public Cursor {
 public:
  SkipCursor(const Skip& op) : op_(op), input_(open(*op.input)) {}
  bool pull(Frame& frame, ExecContext& ctx) override {
    if (!skipped_) {
      skipped_ = true;
      std::int64_t n = row_count(*op_.count, frame, ctx, "SKIP");
      for (std::int64_t i = 0; i < n; ++i) {
        if (!input_->pull(frame, ctx)) return false;
      }
    }
    return input_->pull(frame, ctx);
  }
  void reset() override {
    input_->reset();
    skipped_ = false;
  }

 private:
  const Skip& op_;
  CursorPtr input_;
  bool skipped_ = false;
};

class LimitCursor : public Cursor {
 public:
  LimitCursor(const Limit& op) : op_(op), input_(open(*op.input)) {}
  bool pull(Frame& frame, ExecContext& ctx) override {
    if (!limit_) {
      limit_ = row_count(*op_.count, frame, ctx, "LIMIT");
      if (*limit_ == 0 && op_.run_input_for_writes) input_->pull(frame, ctx);
    }
    if (produced_ >= *limit_) return false;
    if (!input_->pull(frame, ctx)) return false;
    ++produced_;
    return true;
  }
  void reset() override {
    input_->reset();
    limit_.reset();
    produced_ = 0;
  }

 private:
  const Limit& op_;
  CursorPtr input_;
  std::optional<std::int64_t> limit_;
  std::int64_t produced_ = 0;
};

// UNWIND range(a, b[, step]) walks the integers without building the list
// (issue 19: ten million rows took seconds and range() refused more than
// 2^24); any other list is unwound from its value.
class UnwindCursor : public Cursor {
 public:
  UnwindCursor(const Unwind& op) : op_(op), input_(open(*op.input)) {
    auto* call = dynamic_cast<const expr::ScalarCall*>(op.list.get());
    if (call && call->function() == eval::find_function("range")) range_call_ = call;
  }
  bool pull(Frame& frame, ExecContext& ctx) override {
    while (true) {
      if (next_ < count_) {
        if ((next_ & 1023) == 0) ctx.check_cancelled();
        frame[op_.slot] = range_call_ ? Value(range_.at(next_)) : items_[next_];
        ++next_;
        return true;
      }
      if (!input_->pull(frame, ctx)) return false;
      items_.clear();
      next_ = count_ = 0;
      if (range_call_) {
        start_range(frame, ctx);
        continue;
      }
      Value v = op_.list->eval(frame, ctx);
      if (auto* list = v.get_if<List>()) {
        items_ = *list;
      } else if (!v.is_null()) {
        items_.push_back(std::move(v));  // UNWIND of a single value yields it once
      }
      count_ = items_.size();
    }
  }
  void reset() override {
    input_->reset();
    items_.clear();
    next_ = count_ = 0;
  }

 private:
  // The integers of this row's range(...), checked as the function checks them.
  void start_range(Frame& frame, ExecContext& ctx) {
    std::vector<Value> args;
    for (const auto& a : range_call_->args()) args.push_back(a->eval(frame, ctx));
    try {
      range_ = eval::integer_range(args);
    } catch (const Error& e) {
      runtime::rethrow_at(ctx, range_call_->span(), e);
    }
    count_ = range_.count;
  }

  const Unwind& op_;
  CursorPtr input_;
  const expr::ScalarCall* range_call_ = nullptr;
  eval::IntegerRange range_;
  List items_;
  std::uint64_t next_ = 0, count_ = 0;
};

}  // namespace

CursorPtr open_cursor(const plan::Once&) { return std::make_unique<OnceCursor>(); }
CursorPtr open_cursor(const plan::Filter& op) { return std::make_unique<FilterCursor>(op); }
CursorPtr open_cursor(const plan::Project& op) { return std::make_unique<ProjectCursor>(op); }
CursorPtr open_cursor(const plan::Skip& op) { return std::make_unique<SkipCursor>(op); }
CursorPtr open_cursor(const plan::Limit& op) { return std::make_unique<LimitCursor>(op); }
CursorPtr open_cursor(const plan::Unwind& op) { return std::make_unique<UnwindCursor>(op); }

std::int64_t row_count(const expr::Expr& e, Frame& frame, ExecContext& ctx, const char* clause) {
  Value v = e.eval(frame, ctx);
  if (auto* d = v.get_if<double>(); d && *d == static_cast<double>(static_cast<std::int64_t>(*d))) {
    v = Value(static_cast<std::int64_t>(*d));
  }
  // openCypher classifies these as syntax errors even when a parameter
  // brings them in at run time.
  if (!v.get_if<std::int64_t>()) {
    throw error_at(ctx, e.span(), ErrorKind::syntax_error,
                   std::string(clause) + " needs an integer, got " + type_name(v.type()))
        .with_code("InvalidArgumentType");
  }
  if (v.as_int() < 0) {
    throw error_at(ctx, e.span(), ErrorKind::syntax_error,
                   std::string(clause) + " needs a non-negative integer, got " + std::to_string(v.as_int()))
        .with_code("NegativeIntegerArgument");
  }
  return v.as_int();
}

}  // namespace ergo::exec
