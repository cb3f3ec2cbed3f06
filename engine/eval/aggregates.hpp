// Aggregate functions (count, sum, avg, min, max, collect, stDev, stDevP,
// percentileDisc, percentileCont) as accumulators the executor feeds one
// group's values, row by row. Nulls are skipped; DISTINCT keeps the first of
// each set of equivalent values (see comparison.hpp).
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "engine/eval/function_table.hpp"
#include "ergo/value.hpp"

namespace ergo::eval {

// True for the names above, in any letter case (a lookup in the function
// table, function_table.hpp).
bool is_aggregate(std::string_view name);

// True for percentileDisc and percentileCont, which take a second argument.
bool takes_percentile(std::string_view name);

class Aggregator {
 public:
  virtual ~Aggregator();
  // Feeds one row's argument value. Throws ergo::Error: type_error
  // (InvalidArgumentValue) for a value the function cannot aggregate (sum of
  // a STRING), argument_error (IntegerOverflow) when an INTEGER sum
  // overflows.
  virtual void add(const Value& v) = 0;
  // Feeds the same value `times` times.
  virtual void add_repeated(const Value& v, std::int64_t times) {
    for (std::int64_t i = 0; i < times; ++i) add(v);
  }
  // The aggregate of everything added so far; may be called more than once.
  // For no (non-null) values: count 0, sum 0, collect [], stDev and stDevP
  // 0.0, and null for avg, min, max and the percentiles.
  virtual Value result() const = 0;
  // How many values it keeps (collect, the percentiles, DISTINCT's set): the
  // executor charges the values it keeps to the statement's memory budget.
  virtual std::size_t values_kept() const { return 0; }
};

// count(*): counts every add(), whatever the value (null included).
std::unique_ptr<Aggregator> make_count_star();

// A fresh accumulator for aggregate `function`, with DISTINCT
// when `distinct`. percentileDisc and percentileCont need `percentile`: a
// number in [0, 1] (type_error for another type, argument_error with code
// NumberOutOfRange outside the range, as Aggregation6 [3]-[5] require); a
// null percentile is only an error once a value is added. The other aggregates take no percentile.
// Semantics: count counts non-null values; sum is an INTEGER while every
// value is one, else a FLOAT; avg is a FLOAT; min and max use the
// orderability of ORDER BY across types (max of [1, 'a', [1, 2]] is 1);
// collect keeps the order values arrive in; stDev is the sample and stDevP
// the population standard deviation; percentileDisc returns a value from
// the input, percentileCont interpolates linearly and returns a FLOAT.
// Throws ergo::Error (semantic_error) for an unknown name (UnknownFunction)
// or a percentile given to or missing from the wrong function
// (InvalidNumberOfArguments).
std::unique_ptr<Aggregator> make_aggregator(AggregateFunction function, bool distinct,
                                            const std::optional<Value>& percentile = std::nullopt);

// make_aggregator for the aggregate called `name`, found in the function
// table.
std::unique_ptr<Aggregator> make_aggregator(std::string_view name, bool distinct,
                                            const std::optional<Value>& percentile = std::nullopt);

}  // namespace ergo::eval
