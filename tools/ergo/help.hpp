// The text of :help: an overview, one page per :command, and topics
// (formats, params, keys, cypher).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ergo::cli {

// The help for `topic` ("" for the overview; a command with or without its
// colon), or nullopt when there is no such topic.
std::optional<std::string> help_text(std::string_view topic);

// Topic names :help accepts besides the commands (for completion).
const std::vector<std::string>& help_topics();

}  // namespace ergo::cli
