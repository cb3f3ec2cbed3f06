// The aggregate accumulators and the factory that picks one by function;
// DISTINCT is a filter in front of any of them.
#include "engine/eval/aggregates.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_set>
#include <vector>

#include "engine/eval/comparison.hpp"
#include "engine/eval/number.hpp"
#include "ergo/error.hpp"

namespace ergo::eval {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

[[noreturn]] void not_a_number(const char* function, const Value& v) {
  throw Error(ErrorKind::type_error, std::string(function) + "() expects numbers, got " + type_name(v.type()))
      .with_code("InvalidArgumentValue");
}

class CountStar : public Aggregator {
 public:
  void add(const Value&) override { ++count_; }
  void add_repeated(const Value&, std::int64_t times) override { count_ += times; }
  Value result() const override { return count_; }

 private:
  std::int64_t count_ = 0;
};

class Count : public Aggregator {
 public:
  void add(const Value& v) override { count_ += !v.is_null(); }
  Value result() const override { return count_; }

 private:
  std::int64_t count_ = 0;
};

class Collect : public Aggregator {
 public:
  void add(const Value& v) override {
    if (!v.is_null()) items_.push_back(v);
  }
  Value result() const override { return items_; }
  std::size_t values_kept() const override { return items_.size(); }

 private:
  List items_;
};

// min() or max() under orderability; the first of equivalent extremes wins.
class Extreme : public Aggregator {
 public:
  explicit Extreme(bool largest) : largest_(largest) {}
  void add(const Value& v) override {
    if (v.is_null()) return;
    if (!best_ || (largest_ ? order(v, *best_) > 0 : order(v, *best_) < 0)) best_ = v;
  }
  Value result() const override { return best_.value_or(Value()); }

 private:
  bool largest_;
  std::optional<Value> best_;
};

// An INTEGER sum until the first FLOAT, a FLOAT sum from then on.
class Sum : public Aggregator {
 public:
  void add(const Value& v) override {
    if (v.is_null()) return;
    if (const std::int64_t* i = v.get_if<std::int64_t>()) {
      if (floating_) {
        float_sum_ += static_cast<double>(*i);
      } else if (__builtin_add_overflow(int_sum_, *i, &int_sum_)) {
        throw Error(ErrorKind::argument_error, "sum(): integer overflow").with_code("IntegerOverflow");
      }
    } else if (const double* d = v.get_if<double>()) {
      if (!floating_) float_sum_ = static_cast<double>(int_sum_);
      floating_ = true;
      float_sum_ += *d;
    } else {
      not_a_number("sum", v);
    }
  }
  Value result() const override { return floating_ ? Value(float_sum_) : Value(int_sum_); }

 private:
  bool floating_ = false;
  std::int64_t int_sum_ = 0;
  double float_sum_ = 0;
};

class Average : public Aggregator {
 public:
  void add(const Value& v) override {
    if (v.is_null()) return;
    if (!number::is_number(v)) not_a_number("avg", v);
    // long double holds any INTEGER exactly, so integer averages stay exact
    // until the final division.
    if (const std::int64_t* i = v.get_if<std::int64_t>()) sum_ += static_cast<long double>(*i);
    else sum_ += v.as_double();
    ++count_;
  }
  Value result() const override {
    if (count_ == 0) return Value();
    return static_cast<double>(sum_ / static_cast<long double>(count_));
  }

 private:
  long double sum_ = 0;
  std::int64_t count_ = 0;
};

// Welford's running mean and sum of squared deviations (as Neo4j computes).
class StandardDeviation : public Aggregator {
 public:
  explicit StandardDeviation(bool sample) : sample_(sample) {}
  void add(const Value& v) override {
    if (v.is_null()) return;
    if (!number::is_number(v)) not_a_number(sample_ ? "stDev" : "stDevP", v);
    double x = v.as_double();
    ++count_;
    double next_mean = mean_ + (x - mean_) / static_cast<double>(count_);
    squares_ += (x - mean_) * (x - next_mean);
    mean_ = next_mean;
  }
  Value result() const override {
    std::int64_t divisor = sample_ ? count_ - 1 : count_;
    if (divisor <= 0) return 0.0;
    return std::sqrt(squares_ / static_cast<double>(divisor));
  }

 private:
  bool sample_;
  std::int64_t count_ = 0;
  double mean_ = 0;
  double squares_ = 0;
};

// percentileDisc / percentileCont, by Neo4j's index arithmetic.
class Percentile : public Aggregator {
 public:
  Percentile(bool continuous, std::optional<double> percentile) : continuous_(continuous), percentile_(percentile) {}
  void add(const Value& v) override {
    if (v.is_null()) return;
    if (!number::is_number(v)) not_a_number(name(), v);
    if (!percentile_) {
      throw Error(ErrorKind::type_error, std::string(name()) + "() expects a number percentile, got NULL")
          .with_code("InvalidArgumentValue");
    }
    values_.push_back(v);
  }
  Value result() const override {
    if (values_.empty()) return Value();
    std::vector<Value> sorted = values_;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Value& a, const Value& b) { return order(a, b) < 0; });
    double p = *percentile_;
    auto n = static_cast<std::int64_t>(sorted.size());
    if (p == 1.0 || n == 1) return continuous_ ? Value(sorted.back().as_double()) : sorted.back();
    if (!continuous_) {
      double float_index = p * static_cast<double>(n);
      auto index = static_cast<std::int64_t>(float_index);
      if (float_index == static_cast<double>(index) && index != 0) --index;
      return sorted[static_cast<std::size_t>(index)];
    }
    double float_index = p * static_cast<double>(n - 1);
    auto lower = static_cast<std::size_t>(float_index);
    auto upper = static_cast<std::size_t>(std::ceil(float_index));
    double low = sorted[lower].as_double();
    if (upper == lower || lower == sorted.size() - 1) return low;
    return low * (static_cast<double>(upper) - float_index) +
           sorted[upper].as_double() * (float_index - static_cast<double>(lower));
  }

 private:
  const char* name() const { return continuous_ ? "percentileCont" : "percentileDisc"; }

  bool continuous_;
  std::optional<double> percentile_;
  std::vector<Value> values_;

 public:
  std::size_t values_kept() const override { return values_.size(); }
};

// DISTINCT: passes on only the first of each set of equivalent values.
// Node ids seen, in an open-addressing table of 32-bit ids: no allocation
// per id, and memory in proportion to the ids held (a grouped
// count(DISTINCT b) keeps one per group, so a bitmap over all ids is not).
class NodeIdSet {
 public:
  // Whether `id` was new.
  bool insert(std::uint32_t id) {
    if ((size_ + 1) * 2 > table_.size()) grow();
    const std::size_t mask = table_.size() - 1;
    for (std::size_t i = slot_of(id, mask);; i = (i + 1) & mask) {
      if (table_[i] == id) return false;
      if (table_[i] == empty) {
        table_[i] = id;
        ++size_;
        return true;
      }
    }
  }

 private:
  static constexpr std::uint32_t empty = 0xFFFFFFFFu;  // not a node id (ids are dense, below it)
  static std::size_t slot_of(std::uint32_t id, std::size_t mask) {
    return static_cast<std::size_t>((std::uint64_t{id} * 0x9E3779B97F4A7C15ull) >> 32) & mask;
  }
  void grow() {
    std::vector<std::uint32_t> old(std::max<std::size_t>(16, table_.size() * 2), empty);
    old.swap(table_);
    const std::size_t mask = table_.size() - 1;
    for (std::uint32_t id : old) {
      if (id == empty) continue;
      std::size_t i = slot_of(id, mask);
      while (table_[i] != empty) i = (i + 1) & mask;
      table_[i] = id;
    }
  }
  std::vector<std::uint32_t> table_;
  std::size_t size_ = 0;
};

class Distinct : public Aggregator {
 public:
  explicit Distinct(std::unique_ptr<Aggregator> inner) : inner_(std::move(inner)) {}
  void add(const Value& v) override {
    if (v.is_null()) return;
    // Nodes are equivalent exactly when their ids are equal, so they skip
    // the hashed Values (count(DISTINCT b) over a traversal's reach).
    const NodeRef* node = v.get_if<NodeRef>();
    if (node ? nodes_.insert(node->id) : seen_.insert(v).second) inner_->add(v);
  }
  Value result() const override { return inner_->result(); }
  std::size_t values_kept() const override { return seen_.size() + inner_->values_kept(); }

 private:
  std::unique_ptr<Aggregator> inner_;
  std::unordered_set<Value, EquivalentHash, EquivalentEqual> seen_;  // everything but nodes
  NodeIdSet nodes_;
};

// The percentile as a double in [0, 1]; nullopt for null.
std::optional<double> checked_percentile(std::string_view function, const Value& p) {
  if (p.is_null()) return std::nullopt;
  if (!number::is_number(p)) {
    throw Error(ErrorKind::type_error,
                std::string(function) + "() expects a number percentile, got " + type_name(p.type()))
        .with_code("InvalidArgumentValue");
  }
  double d = p.as_double();
  if (!(d >= 0.0 && d <= 1.0)) {
    throw Error(ErrorKind::argument_error,
                std::string(function) + "(): the percentile must be between 0.0 and 1.0, got " + p.to_cypher())
        .with_code("NumberOutOfRange");
  }
  return d;
}

bool takes_percentile(AggregateFunction f) {
  return f == AggregateFunction::percentile_disc || f == AggregateFunction::percentile_cont;
}

std::unique_ptr<Aggregator> make_plain(AggregateFunction f, const std::optional<Value>& percentile) {
  const std::string name(aggregate_spelling(f));
  bool percentile_function = takes_percentile(f);
  if (percentile_function != percentile.has_value()) {
    throw Error(ErrorKind::semantic_error, percentile_function ? name + "() needs a percentile argument"
                                                               : name + "() takes no percentile argument")
        .with_code("InvalidNumberOfArguments");
  }
  switch (f) {
    case AggregateFunction::count_star: return std::make_unique<CountStar>();
    case AggregateFunction::count: return std::make_unique<Count>();
    case AggregateFunction::sum: return std::make_unique<Sum>();
    case AggregateFunction::avg: return std::make_unique<Average>();
    case AggregateFunction::min: return std::make_unique<Extreme>(false);
    case AggregateFunction::max: return std::make_unique<Extreme>(true);
    case AggregateFunction::collect: return std::make_unique<Collect>();
    case AggregateFunction::st_dev: return std::make_unique<StandardDeviation>(true);
    case AggregateFunction::st_dev_p: return std::make_unique<StandardDeviation>(false);
    case AggregateFunction::percentile_disc:
      return std::make_unique<Percentile>(false, checked_percentile("percentileDisc", *percentile));
    case AggregateFunction::percentile_cont:
      return std::make_unique<Percentile>(true, checked_percentile("percentileCont", *percentile));
  }
  throw Error(ErrorKind::semantic_error, "unknown aggregate function " + name + "()").with_code("UnknownFunction");
}

// The aggregate called `name` in any letter case, or nullptr.
const FunctionEntry* find_aggregate(std::string_view name) {
  const FunctionEntry* f = lookup_function(name);
  return f && f->kind == FunctionKind::aggregate ? f : nullptr;
}

}  // namespace

Aggregator::~Aggregator() = default;

bool is_aggregate(std::string_view name) { return find_aggregate(name) != nullptr; }

bool takes_percentile(std::string_view name) {
  const FunctionEntry* f = find_aggregate(name);
  return f && takes_percentile(f->aggregate);
}

std::unique_ptr<Aggregator> make_count_star() { return std::make_unique<CountStar>(); }

std::unique_ptr<Aggregator> make_aggregator(AggregateFunction function, bool distinct,
                                            const std::optional<Value>& percentile) {
  std::unique_ptr<Aggregator> a = make_plain(function, percentile);
  if (distinct) return std::make_unique<Distinct>(std::move(a));
  return a;
}

std::unique_ptr<Aggregator> make_aggregator(std::string_view name, bool distinct,
                                            const std::optional<Value>& percentile) {
  const FunctionEntry* f = find_aggregate(name);
  if (!f) {
    throw Error(ErrorKind::semantic_error, "unknown aggregate function " + lower_ascii(name) + "()")
        .with_code("UnknownFunction");
  }
  return make_aggregator(f->aggregate, distinct, percentile);
}

}  // namespace ergo::eval
