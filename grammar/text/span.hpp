// Where something stands in a source text: byte offsets, `end` one past the
// last byte. The one span type of every stage: the Cypher and .kg syntax
// trees, bound expressions and runtime errors all place themselves with it,
// and text::SourceText turns it into line and column.
#pragma once

#include <cstdint>

namespace ergo::text {

struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

}  // namespace ergo::text
