// The clocks of date(), datetime() and their kin through the public API:
// the statement clock is one instant per statement, the transaction clock
// one instant per transaction (Neo4j's statement and transaction clocks),
// and realtime moves on within a statement.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "ergo/database.hpp"
#include "ergo/transaction.hpp"

namespace ergo {
namespace {

std::int64_t nanos(const Value& v) {
  const DateTime& d = v.as_datetime();
  return d.epoch_seconds() * nanos_per_second + d.nanosecond();
}

TEST(TemporalClocks, OneStatementSeesOneInstant) {
  Database db;
  Result r = db.execute(
      "UNWIND range(1, 2000) AS i WITH collect(datetime()) AS t "
      "RETURN t[0] = t[1999] AS same, t[0] = datetime.statement() AS statement, "
      "t[0] = datetime.transaction() AS transaction");
  EXPECT_EQ(r.rows().at(0).at(0), Value(true));
  EXPECT_EQ(r.rows().at(0).at(1), Value(true));
  EXPECT_EQ(r.rows().at(0).at(2), Value(true));  // auto-commit: the statement is the transaction
}

TEST(TemporalClocks, TheTransactionClockHoldsAcrossStatements) {
  Database db;
  Transaction tx = db.begin();
  Value first = tx.execute("RETURN datetime.transaction()").rows().at(0).at(0);
  Value first_statement = tx.execute("RETURN datetime.statement()").rows().at(0).at(0);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  Result later = tx.execute("RETURN datetime.transaction(), datetime.statement(), datetime.realtime()");
  tx.commit();
  EXPECT_EQ(later.rows().at(0).at(0), first);
  EXPECT_GE(nanos(later.rows().at(0).at(1)) - nanos(first_statement), 5'000'000);
  EXPECT_GE(nanos(later.rows().at(0).at(2)), nanos(later.rows().at(0).at(1)));
  EXPECT_LE(nanos(first), nanos(first_statement));
}

TEST(TemporalClocks, ClocksInAZone) {
  Database db;
  Value v = db.execute("RETURN datetime.statement('Asia/Seoul')").rows().at(0).at(0);
  EXPECT_EQ(v.as_datetime().zone(), "Asia/Seoul");
  EXPECT_EQ(v.as_datetime().offset_seconds(), 9 * 3600);
  EXPECT_EQ(db.execute("RETURN date() = date.statement()").rows().at(0).at(0), Value(true));
}

// timestamp(): milliseconds since the epoch on the statement clock.
TEST(TemporalClocks, TimestampIsTheStatementClockInMilliseconds) {
  Database db;
  const auto before = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::system_clock::now().time_since_epoch()).count();
  Result r = db.execute(
      "UNWIND range(1, 2000) AS i WITH collect(timestamp()) AS t "
      "RETURN t[0] AS first, t[0] = t[1999] AS same, "
      "datetime.fromepochmillis(t[0]) = datetime.truncate('millisecond', datetime.statement()) AS statement");
  const auto after = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::system_clock::now().time_since_epoch()).count();
  const std::int64_t first = r.rows().at(0).at(0).as_int();
  EXPECT_GE(first, before);
  EXPECT_LE(first, after);
  EXPECT_EQ(r.rows().at(0).at(1), Value(true));
  EXPECT_EQ(r.rows().at(0).at(2), Value(true));
  EXPECT_EQ(db.execute("RETURN timestamp() > 1700000000000").rows().at(0).at(0), Value(true));
}

}  // namespace
}  // namespace ergo
