// The shell's :commands — :help, :schema, :find, :load, :param, :params,
// :format, :timing, :output, :render, :why, :read, :quit — in one table, so that
// dispatch, :help and tab completion never disagree. A new command is one
// more row and one function.
#pragma once

#include <string_view>
#include <vector>

namespace ergo::cli {

class Session;

struct MetaCommand {
  const char* name;       // ":schema"
  const char* arguments;  // "NAME VALUE", "" for none
  const char* summary;    // one line for :help
  const char* details;    // for :help :name; may be ""
  void (*run)(Session& session, std::string_view arguments);
};

const std::vector<MetaCommand>& meta_commands();

// Thrown by a command that failed and has already said why (a :read script
// whose statement failed): the caller only counts the failure.
struct AlreadyReported {};

// Runs one `:name arguments` line. Throws ergo::Error for an unknown command
// and for bad arguments or a failed action (the session reports it).
void run_meta_command(Session& session, std::string_view line);

}  // namespace ergo::cli
