// Temporal values on the Bolt wire: parameters in (Bolt 5's Date, Time,
// LocalTime, DateTime, DateTimeZoneId, LocalDateTime and Duration
// structures, each field checked) and result cells out as the same
// structures, so a driver's temporal types round-trip.
#include "tools/server/bolt_values.hpp"

#include <gtest/gtest.h>

namespace ergo::server {
namespace {

using packstream::PackStruct;
using packstream::PackValue;

PackValue i(std::int64_t v) { return PackValue{v}; }
PackValue s(const char* v) { return PackValue{std::string(v)}; }
PackValue structure(std::uint8_t t, std::vector<PackValue> fields) { return PackValue{PackStruct{t, std::move(fields)}}; }

std::string read(const PackValue& v) { return to_ergo_value(v, "p").to_cypher(); }

TEST(BoltTemporalValues, ParametersOfEveryTemporalStructure) {
  EXPECT_EQ(read(structure(tag::date, {i(18099)})), "date('2019-07-22')");
  EXPECT_EQ(read(structure(tag::local_time, {i(34200LL * 1'000'000'000 + 5)})), "localtime('09:30:00.000000005')");
  EXPECT_EQ(read(structure(tag::time, {i(34200LL * 1'000'000'000), i(9 * 3600)})), "time('09:30:00+09:00')");
  EXPECT_EQ(read(structure(tag::local_datetime, {i(1563787800), i(0)})), "localdatetime('2019-07-22T09:30:00')");
  EXPECT_EQ(read(structure(tag::datetime, {i(1563755400), i(0), i(9 * 3600)})), "datetime('2019-07-22T09:30:00+09:00')");
  EXPECT_EQ(read(structure(tag::datetime_zone_id, {i(1563755400), i(0), s("Asia/Seoul")})),
            "datetime('2019-07-22T09:30:00+09:00[Asia/Seoul]')");
  EXPECT_EQ(read(structure(tag::duration, {i(14), i(3), i(14400), i(0)})), "duration('P1Y2M3DT4H')");
  // The ends of openCypher's range: java.time's LocalDate.MIN and MAX.
  EXPECT_EQ(read(structure(tag::date, {i(-365243219162LL)})), "date('-999999999-01-01')");
  EXPECT_EQ(read(structure(tag::date, {i(365241780471LL)})), "date('+999999999-12-31')");
}

TEST(BoltTemporalValues, MalformedStructuresAreRefusedByName) {
  const PackValue bad[] = {
      structure(tag::local_time, {i(86400LL * 1'000'000'000)}),         // past midnight
      structure(tag::time, {i(0), i(19 * 3600)}),                       // offset beyond 18 hours
      structure(tag::datetime, {i(0), i(1'000'000'000), i(0)}),         // nanoseconds out of range
      structure(tag::datetime_zone_id, {i(0), i(0), s("Nowhere/Special")}),
      structure(tag::datetime, {i(std::numeric_limits<std::int64_t>::max()), i(0), i(0)}),
      structure(tag::duration, {i(1), i(2), i(3)}),                     // a field missing
      structure(tag::local_datetime, {s("2019-07-22"), i(0)}),
      structure(tag::date, {i(365241780472LL)}),                         // a day past +999999999-12-31
  };
  for (const PackValue& v : bad) {
    try {
      (void)to_ergo_value(v, "when");
      ADD_FAILURE() << "accepted a malformed structure";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::type_error);
      EXPECT_NE(e.message().find("parameter $when is a structure"), std::string::npos) << e.message();
    }
  }
}

}  // namespace
}  // namespace ergo::server
