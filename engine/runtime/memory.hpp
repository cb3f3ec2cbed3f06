// The per-statement memory budget (Limits::memory_bytes): an estimate of
// the bytes that materializing operators hold — sorted rows, DISTINCT keys,
// aggregation groups, collected values, the answer's rows — charged as they
// are kept and given back when the operator lets go of them.
#pragma once

#include <cstddef>

#include "ergo/error.hpp"
#include "ergo/value.hpp"

namespace ergo::runtime {

// Roughly the bytes `v` takes: the Value itself and what it owns (string
// text, list and map elements, path steps). Walks nested lists with a
// stack of its own, not by recursion: a value may be nested deeply.
std::size_t footprint(const Value& v);

// The statement's account: `budget` 0 means no limit.
struct MemoryAccount {
  std::size_t budget = 0;
  std::size_t held = 0;

  // Adds `bytes`; throws ergo::Error (runtime_error, "MemoryLimitExceeded")
  // when the total passes the budget, leaving the charge on the account
  // (the statement ends, so nothing pays it back but the holder).
  void charge(std::size_t bytes) {
    held += bytes;
    if (budget != 0 && held > budget) throw exceeded();
  }
  void release(std::size_t bytes) { held -= bytes < held ? bytes : held; }
  [[nodiscard]] Error exceeded() const;
};

// What one operator holds on an account: released all at once when the
// operator resets or is destroyed.
class MemoryHold {
 public:
  MemoryHold() = default;
  MemoryHold(const MemoryHold&) = delete;
  MemoryHold& operator=(const MemoryHold&) = delete;
  ~MemoryHold() { clear(); }

  void add(MemoryAccount& account, std::size_t bytes) {
    account_ = &account;
    bytes_ += bytes;  // first, so clear() gives back what charge() added
    account.charge(bytes);
  }
  // Gives back `bytes` of what was added (a kept row replaced by a smaller one).
  void sub(std::size_t bytes) {
    if (bytes > bytes_) bytes = bytes_;
    bytes_ -= bytes;
    if (account_) account_->release(bytes);
  }
  void clear() {
    if (account_) account_->release(bytes_);
    bytes_ = 0;
  }

 private:
  MemoryAccount* account_ = nullptr;
  std::size_t bytes_ = 0;
};

}  // namespace ergo::runtime
