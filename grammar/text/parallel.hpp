// Work split into parts that run at once: part 0 on the calling thread,
// the others on threads of their own. Waits for every part; an exception
// in any part (bad_alloc in a large import) is rethrown once all have
// ended, so no thread outlives the call and none ends the process.
#pragma once

#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace ergo::text {

template <typename Work>
void run_parts(std::size_t parts, const Work& work) {
  std::vector<std::exception_ptr> failed(parts);
  auto run = [&](std::size_t part) {
    try {
      work(part);
    } catch (...) {
      failed[part] = std::current_exception();
    }
  };
  {
    std::vector<std::jthread> helpers;
    try {
      for (std::size_t part = 1; part < parts; ++part) helpers.emplace_back(run, part);
    } catch (...) {
      // No thread to be had: the parts not started run here.
      for (std::size_t part = helpers.size() + 1; part < parts; ++part) run(part);
    }
    if (parts > 0) run(0);
  }  // the helpers join here
  for (const std::exception_ptr& e : failed) {
    if (e) std::rethrow_exception(e);
  }
}

}  // namespace ergo::text
