// Helpers shared by the embedding API tests (tests/api/): the bundled graph
// opened once, and a matcher-free way to check the ergo::Error a call throws.
// Everything here uses the public API alone, through <ergo/ergo.hpp>.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "ergo/ergo.hpp"

namespace ergo::api_test {

// The bundled graph, loaded once for the read-only tests.
inline Database& bundled() {
  static Database db = Database::open({ERGO_DATA_DIR});
  return db;
}

// Runs `f`, which must throw ergo::Error, and returns that error; fails the
// test (and returns an empty error) when it throws nothing or something else.
inline Error error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "threw a non-ergo exception: " << e.what();
    return Error(ErrorKind::runtime_error, "");
  }
  ADD_FAILURE() << "did not throw";
  return Error(ErrorKind::runtime_error, "");
}

}  // namespace ergo::api_test
