// Whether a statement may write, judged from its words. ergo has no
// transactions yet (issue #10), so the server runs a statement inside an
// explicit Bolt transaction only when it cannot change the graph: a write
// there would commit at once, and a later ROLLBACK could not undo it. The
// check is lexical and errs towards "may write": an updating clause keyword
// (CREATE, MERGE, SET, DELETE, DETACH, REMOVE, FOREACH) anywhere outside strings,
// comments and `quoted names`, and not used as a property key or label
// (after '.', ':' or '$'), counts.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ergo::server {

// The first updating keyword of `statement`, upper-cased, with its 1-based
// line and column, or nullopt when there is none.
struct UpdatingWord {
  std::string word;
  std::size_t line = 0;
  std::size_t column = 0;
};
std::optional<UpdatingWord> find_updating_word(std::string_view statement);

}  // namespace ergo::server
