// Work split into parts that run at once: part 0 on the calling thread,
// the others on threads of their own. Waits for every part; an exception
// in any part (bad_alloc in a large import) is rethrown once all have
// ended, so no thread outlives the call and none ends the process.
#pragma once

#include <barrier>
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

// Work done in steps, each split into parts that run at once, on threads
// kept for all the steps (starting a thread per step cost more than a small
// step's work): work(step, part, parts) for every part of step 0, then of
// step 1, and so on; no part of a step starts before every part of the step
// before has ended. between(step) runs before each step, while no part
// runs. After an exception in any part (or in between), no further step
// starts, and the first is rethrown once all threads have ended.
template <typename Between, typename Work>
void run_in_steps(std::size_t steps, std::size_t parts, const Between& between, const Work& work) {
  if (steps == 0 || parts == 0) return;
  std::vector<std::exception_ptr> failed(parts + 1);  // the last: between()
  std::size_t step = 0;
  bool stop = false;
  auto next_step = [&]() noexcept {
    for (const std::exception_ptr& e : failed) stop = stop || e;
    if (stop || ++step >= steps) return;
    try {
      between(step);
    } catch (...) {
      failed[parts] = std::current_exception();
      stop = true;
    }
  };
  try {
    between(0);
  } catch (...) {
    failed[parts] = std::current_exception();
    stop = true;
  }
  std::barrier sync(static_cast<std::ptrdiff_t>(parts), next_step);
  // Parts whose thread could not be started run on the calling thread.
  std::vector<bool> here(parts, true);
  auto run = [&](const std::vector<std::size_t>& mine) {
    // step and stop change only in next_step, while every thread waits.
    while (!stop && step < steps) {
      for (std::size_t part : mine) {
        try {
          work(step, part, parts);
        } catch (...) {
          failed[part] = std::current_exception();
        }
      }
      sync.arrive_and_wait();
    }
  };
  {
    std::vector<std::jthread> helpers;
    for (std::size_t part = 1; part < parts; ++part) {
      try {
        helpers.emplace_back([&run, part] { run({part}); });
        here[part] = false;
      } catch (...) {
        sync.arrive_and_drop();  // ... and no thread will wait for it
      }
    }
    std::vector<std::size_t> mine;
    for (std::size_t part = 0; part < parts; ++part) {
      if (here[part]) mine.push_back(part);
    }
    run(mine);
  }  // the helpers join here
  for (const std::exception_ptr& e : failed) {
    if (e) std::rethrow_exception(e);
  }
}

}  // namespace ergo::text
