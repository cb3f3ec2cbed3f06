// See integer_range.hpp. The argument rules are the TCK's (List11 [5]): an
// ArgumentError, not a TypeError, for a bound that is not an INTEGER.
#include "engine/eval/integer_range.hpp"

#include <string>

#include "engine/eval/function_support.hpp"

namespace ergo::eval {

IntegerRange integer_range(std::span<const Value> a) {
  auto bound = [&](std::size_t i, const char* what) -> std::int64_t {
    if (const std::int64_t* v = a[i].get_if<std::int64_t>()) return *v;
    fn::out_of_domain("range", std::string(what) + " must be an INTEGER, got " + type_name(a[i].type()),
                      "InvalidArgumentType");
  };
  IntegerRange r;
  r.start = bound(0, "start");
  std::int64_t end = bound(1, "end");
  r.step = a.size() > 2 ? bound(2, "step") : 1;
  if (r.step == 0) fn::out_of_domain("range", "step must not be zero");
  if (r.step > 0 ? r.start > end : r.start < end) return r;
  // Count in unsigned arithmetic: |end - start| can exceed INT64_MAX.
  std::uint64_t span = r.step > 0 ? static_cast<std::uint64_t>(end) - static_cast<std::uint64_t>(r.start)
                                  : static_cast<std::uint64_t>(r.start) - static_cast<std::uint64_t>(end);
  std::uint64_t stride = r.step > 0 ? static_cast<std::uint64_t>(r.step) : 0 - static_cast<std::uint64_t>(r.step);
  // range(INT64_MIN, INT64_MAX) has 2^64 integers, one more than a count can
  // say; nobody walks that far, so it is counted one short.
  r.count = span / stride == UINT64_MAX ? UINT64_MAX : span / stride + 1;
  return r;
}

}  // namespace ergo::eval
