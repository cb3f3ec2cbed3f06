// `ergo serve`: the Bolt server over one ergo::Database (docs/server.md).
// The ergo binary calls serve_main() for its `serve` subcommand.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ergo::server {

// Runs the server until SIGINT or SIGTERM. `args` are the words after
// `serve`; `bundled_data` is the bundled graph's directory, loaded when no
// SOURCES are named. Returns the exit status: 0 after a clean stop, 1 when
// the data cannot be loaded or an address cannot be bound, 2 on a usage error.
int serve_main(const std::vector<std::string>& args, const std::optional<std::string>& bundled_data,
               const std::string& version);

std::string serve_usage();

}  // namespace ergo::server
