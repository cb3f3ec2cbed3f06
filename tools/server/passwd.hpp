// `ergo passwd`: writes the entries of an auth file (auth_file.hpp) for
// `ergo serve --auth-file`, as htpasswd does for web servers.
#pragma once

#include <string>
#include <vector>

namespace ergo::server {

// `args` are the words after `passwd`. Returns the exit status: 0 done,
// 1 the file cannot be read or written, 2 a usage error.
int passwd_main(const std::vector<std::string>& args);

}  // namespace ergo::server
