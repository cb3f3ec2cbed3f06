// UNWIND range(...) streams its integers (issue 19): no list is built, so
// more than any list could hold unwinds, fast, and can be cancelled; range()
// that really builds a list is refused above its memory budget, in words of
// memory; and streaming keeps range()'s own checks and errors.
#include <gtest/gtest.h>

#include <chrono>
#include <limits>

#include "ergo/database.hpp"
#include "ergo/error.hpp"

namespace ergo {
namespace {

std::int64_t count_of(Database& db, const std::string& query) { return db.execute(query).row(0)[0].as_int(); }

TEST(UnwindRange, StreamsBeyondWhatAListMayHold) {
  Database db;
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(count_of(db, "UNWIND range(1, 40000000) AS x RETURN count(*)"), 40000000);
  // A built list of 40 million Values would be refused (over 1 GiB), and
  // building it took seconds; streaming takes a fraction of that.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(8));
  EXPECT_EQ(count_of(db, "UNWIND range(10, 1, -3) AS x RETURN sum(x)"), 10 + 7 + 4 + 1);
  EXPECT_EQ(count_of(db, "UNWIND range(5, 1) AS x RETURN count(*)"), 0);
  // Per input row, with the bounds read from it.
  EXPECT_EQ(count_of(db, "UNWIND [1, 2, 3] AS n UNWIND range(1, n) AS x RETURN count(*)"), 6);
  std::int64_t max = std::numeric_limits<std::int64_t>::max();
  EXPECT_EQ(count_of(db, "UNWIND range(" + std::to_string(max - 2) + ", " + std::to_string(max) +
                             ") AS x RETURN count(*)"),
            3);
}

TEST(UnwindRange, KeepsRangesErrors) {
  Database db;
  try {
    db.execute("UNWIND range(1, 10, 0) AS x RETURN x");
    FAIL() << "step 0 was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::argument_error);
    EXPECT_EQ(e.column(), 8u) << e.rendered();
  }
  try {
    db.execute("UNWIND range(1, 'ten') AS x RETURN x");
    FAIL() << "a text bound was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "InvalidArgumentType") << e.rendered();
  }
}

TEST(UnwindRange, ABuiltListIsRefusedInTermsOfMemory) {
  Database db;
  try {
    db.execute("RETURN size(range(1, 100000000)) AS n");
    FAIL() << "a 100-million-element list was built";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::argument_error);
    EXPECT_NE(e.message().find("the list would hold 100000000 integers, about "), std::string::npos) << e.message();
    EXPECT_NE(e.message().find(" GiB of memory, more than the 1.0 GiB a list may take; UNWIND range(...) streams"),
              std::string::npos)
        << e.message();
  }
  EXPECT_EQ(db.execute("RETURN size(range(1, 1000000)) AS n").row(0)[0].as_int(), 1000000);
}

}  // namespace
}  // namespace ergo
