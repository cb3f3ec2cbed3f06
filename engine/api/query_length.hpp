// The query-length limit (Limits::max_query_length), checked before any
// parsing: a multi-megabyte text is refused in one comparison.
#pragma once

#include <cstddef>
#include <string_view>

namespace ergo::api {

// Throws ergo::Error (syntax_error, code "QueryTooLong") placed at the
// first byte past `most` when `query` is longer; `most` 0 means no limit.
void check_query_length(std::string_view query, std::string_view source_name, std::size_t most);

}  // namespace ergo::api
