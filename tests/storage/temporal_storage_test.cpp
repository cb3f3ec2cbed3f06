// Temporal property values in a database directory: every temporal type
// (a named zone among them) comes back the same through a clean close (the
// snapshot) and through a crash (the log replayed), and a record with a
// damaged temporal value is refused, not read as something else.
#include <sys/wait.h>
#include <unistd.h>

#include "engine/storage/bytes.hpp"
#include "tests/storage/storage_test_support.hpp"

namespace ergo::storage_test {
namespace {

namespace fs = std::filesystem;

const char* const create =
    "CREATE (:Event {on: date('2019-07-22'), at: localtime('09:30:15.5'), local_at: time('09:30+09:00'), "
    "starts: localdatetime('2019-07-22T09:30'), seoul: datetime('2019-07-22T09:30[Asia/Seoul]'), "
    "fixed: datetime('2019-07-22T09:30:00.000000001-03:30'), lasts: duration('P1Y2M3DT4H5M6.7S'), "
    "back: duration('PT-0.5S'), history: [datetime('2015-12-01T00:00Z'), datetime('2019-07-22T00:00Z')]})";

const char* const read_back =
    "MATCH (e:Event) RETURN e.on, e.at, e.local_at, e.starts, e.seoul, e.fixed, e.lasts, e.back, e.history, "
    "e.seoul.timezone, e.seoul.epochSeconds, e.lasts.months";

std::string answer(Database& db) {
  Result r = db.execute(read_back);
  std::string out;
  for (const Value& v : r.rows().at(0)) out += v.to_cypher() + "\n";
  return out;
}

const std::string expected =
    "date('2019-07-22')\n"
    "localtime('09:30:15.5')\n"
    "time('09:30:00+09:00')\n"
    "localdatetime('2019-07-22T09:30:00')\n"
    "datetime('2019-07-22T09:30:00+09:00[Asia/Seoul]')\n"
    "datetime('2019-07-22T09:30:00.000000001-03:30')\n"
    "duration('P1Y2M3DT4H5M6.7S')\n"
    "duration('PT-0.5S')\n"
    "[datetime('2015-12-01T00:00:00Z'), datetime('2019-07-22T00:00:00Z')]\n"
    "'Asia/Seoul'\n"
    "1563755400\n"
    "14\n";

TEST(TemporalStorage, EveryTemporalTypeSurvivesCloseAndReopen) {
  TempDir dir;
  {
    Database db = Database::open_directory((dir / "db").string());
    db.execute(create);
    EXPECT_EQ(answer(db), expected);
  }
  Database db = Database::open_directory((dir / "db").string());
  EXPECT_EQ(answer(db), expected);
  // Still values of their types: arithmetic and comparison work on them.
  EXPECT_EQ(db.execute("MATCH (e:Event) RETURN toString(e.seoul + e.lasts)").rows().at(0).at(0).as_string(),
            "2020-09-25T13:35:06.7+09:00[Asia/Seoul]");
  EXPECT_EQ(db.execute("MATCH (e:Event) WHERE e.starts > localdatetime('2019-01-01T00:00') RETURN count(*)")
                .rows().at(0).at(0).as_int(), 1);
}

// Dates past the 32-bit day count of the first date encoding (years beyond
// about ±5.8 million) are written wider, and come back exactly.
TEST(TemporalStorage, DatesAtTheEndsOfTheRangeSurvive) {
  TempDir dir;
  const char* const far = "MATCH (f:Far) RETURN f.first, f.last, f.near, f.when";
  const std::string expected_far =
      "date('-999999999-01-01') | date('+999999999-12-31') | date('+10000-01-01') | "
      "datetime('+500000000-07-01T12:00:00+02:00[Europe/Paris]')";
  auto row = [&](Database& db) {
    const Result r = db.execute(far);
    std::string out;
    for (const Value& v : r.rows().at(0)) out += (out.empty() ? "" : " | ") + v.to_cypher();
    return out;
  };
  {
    Database db = Database::open_directory((dir / "db").string());
    db.execute("CREATE (:Far {first: date('-999999999-01-01'), last: date('+999999999-12-31'), "
               "near: date('+10000-01-01'), when: datetime('+500000000-07-01T12:00[Europe/Paris]')})");
    EXPECT_EQ(row(db), expected_far);
  }
  Database db = Database::open_directory((dir / "db").string());
  EXPECT_EQ(row(db), expected_far);
}

TEST(TemporalStorage, TheLogAloneReplaysTemporalValues) {
  TempDir dir;
  const fs::path path = dir / "db";
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    Database db = Database::open_directory(path.string());
    db.execute(create);
    db.execute("MATCH (e:Event) SET e.later = e.seoul + duration('P1D')");
    _exit(0);  // no destructor: no snapshot
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_FALSE(fs::exists(path / "snapshot.ergo"));
  Database db = Database::open_directory(path.string());
  EXPECT_EQ(answer(db), expected);
  EXPECT_EQ(db.execute("MATCH (e:Event) RETURN e.later").rows().at(0).at(0).to_cypher(),
            "datetime('2019-07-23T09:30:00+09:00[Asia/Seoul]')");
}

TEST(TemporalStorage, TheValueEncodingRoundTripsAndRefusesDamage) {
  const std::vector<Value> values = {
      Value(*LocalTime::parse("23:59:59.999999999")), Value(*Time::parse("00:00-18:00")),
      Value(*LocalDateTime::parse("1969-12-31T23:59:59.5")), Value(*DateTime::parse("2019-10-27T01:30Z[Europe/London]")),
      Value(*Duration::from_parts(-5, 3, -7, -1)), Value(*DateTime::parse("2019-07-22T09:30+09:00"))};
  for (const Value& v : values) {
    storage::ByteWriter w;
    w.value(v);
    storage::ByteReader r(w.bytes());
    EXPECT_EQ(r.value(), v) << v.to_cypher();
  }
  // A local time past midnight (tag 9, nanos = one day) is damage.
  storage::ByteWriter w;
  w.u8(9);
  w.u64(static_cast<std::uint64_t>(nanos_per_day));
  storage::ByteReader r(w.bytes());
  EXPECT_THROW(r.value(), storage::ByteReader::Malformed);
  // So is a date-time in a zone the tz database does not know.
  storage::ByteWriter z;
  z.u8(12);
  z.u64(0);
  z.u32(0);
  z.u32(0);
  z.string("Nowhere/Special");
  storage::ByteReader rz(z.bytes());
  EXPECT_THROW(rz.value(), storage::ByteReader::Malformed);
}

}  // namespace
}  // namespace ergo::storage_test
