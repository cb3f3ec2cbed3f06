// Tab completion for the shell, apart from the line editor: given the text
// before the cursor, what could the word there become? Keywords and
// functions, labels after `(x:`, relationship types after `[r:` or `|`,
// property keys after `.`, parameters after `$`, entity names inside quotes
// and after :find, commands, formats, layouts and file names after
// :commands.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ergo/database.hpp"

namespace ergo::cli {

struct Completion {
  std::size_t start = 0;                // byte offset where the word being completed begins
  std::vector<std::string> candidates;  // sorted, each once
  // Appended when exactly one candidate fits: a closing quote after a name,
  // a space after a command, "/" is part of directory candidates already.
  std::string closer;
};

class Completer {
 public:
  // Rereads labels, types, keys and entity names from `db`.
  void refresh(Database& db);

  // Completions of the word ending at the end of `before` (the line up to
  // the cursor). `continuing`: the line continues a statement, so it cannot
  // hold a :command.
  Completion complete(std::string_view before, bool continuing, const Params& params) const;

  // The text to put in place of the word: the candidates' longest common
  // prefix (plus the closer when only one), or the word itself when the
  // candidates agree on nothing longer.
  static std::string insertion(const Completion& c, std::string_view word);

 private:
  Completion complete_command(std::string_view line) const;

  std::vector<std::string> labels_, types_, keys_, names_;
};

}  // namespace ergo::cli
