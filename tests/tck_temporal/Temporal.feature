#encoding: utf-8
# Scenarios for the temporal types written for ergo from the openCypher
# temporal CIP and the Neo4j 5 Cypher manual (values, functions, operators),
# not copied from the TCK's own feature files. The TCK writes temporal
# results as java.time's toString() does (seconds only when not zero);
# most scenarios here compare Cypher's toString() instead.

Feature: Temporal - Temporal values, their functions and operators

  Scenario: [1] Each temporal type from its ISO text
    Given any graph
    When executing query:
      """
      RETURN date('2019-07-22') AS d, localtime('09:30') AS lt, time('09:30+09:00') AS t,
             localdatetime('2019-07-22T09:30') AS ldt, datetime('2019-07-22T09:30:00+09:00') AS dt,
             duration('P1Y2M3DT4H') AS dur
      """
    Then the result should be, in any order:
      | d            | lt      | t             | ldt                | dt                       | dur          |
      | '2019-07-22' | '09:30' | '09:30+09:00' | '2019-07-22T09:30' | '2019-07-22T09:30+09:00' | 'P1Y2M3DT4H' |
    And no side effects

  Scenario: [2] A date-time in a named zone prints its offset and its zone
    Given any graph
    When executing query:
      """
      RETURN toString(datetime('2019-07-22T09:30[Asia/Seoul]')) AS seoul,
             toString(datetime('2019-01-15T12:00[Europe/London]')) AS winter,
             toString(datetime('2019-07-15T12:00[Europe/London]')) AS summer
      """
    Then the result should be, in any order:
      | seoul                                   | winter                             | summer                                  |
      | '2019-07-22T09:30:00+09:00[Asia/Seoul]' | '2019-01-15T12:00:00Z[Europe/London]' | '2019-07-15T12:00:00+01:00[Europe/London]' |
    And no side effects

  Scenario: [3] Construct from a map of parts
    Given any graph
    When executing query:
      """
      RETURN toString(datetime({year: 1984, month: 10, day: 11, hour: 12, minute: 31, second: 14,
                                millisecond: 645, timezone: '+01:00'})) AS dt,
             toString(date({year: 1984, week: 10, dayOfWeek: 3})) AS week,
             toString(localtime({hour: 12, minute: 31, second: 14, nanosecond: 789})) AS lt
      """
    Then the result should be, in any order:
      | dt                              | week         | lt                     |
      | '1984-10-11T12:31:14.645+01:00' | '1984-03-07' | '12:31:14.000000789'   |
    And no side effects

  Scenario: [4] Components of a date-time
    Given any graph
    When executing query:
      """
      WITH datetime('2019-07-22T09:30:15.5[Asia/Seoul]') AS dt
      RETURN dt.year, dt.month, dt.day, dt.week, dt.dayOfWeek, dt.quarter, dt.hour, dt.minute, dt.second,
             dt.millisecond, dt.timezone, dt.offset, dt.epochSeconds, dt.epochMillis
      """
    Then the result should be, in any order:
      | dt.year | dt.month | dt.day | dt.week | dt.dayOfWeek | dt.quarter | dt.hour | dt.minute | dt.second | dt.millisecond | dt.timezone  | dt.offset | dt.epochSeconds | dt.epochMillis |
      | 2019    | 7        | 22     | 30      | 1            | 3          | 9       | 30        | 15        | 500            | 'Asia/Seoul' | '+09:00'  | 1563755415      | 1563755415500  |
    And no side effects

  Scenario: [5] Components of a duration
    Given any graph
    When executing query:
      """
      WITH duration('P1Y2M10DT12H45M30.25S') AS d
      RETURN d.years, d.months, d.monthsOfYear, d.days, d.weeks, d.hours, d.minutes, d.minutesOfHour,
             d.seconds, d.secondsOfMinute, d.millisecondsOfSecond
      """
    Then the result should be, in any order:
      | d.years | d.months | d.monthsOfYear | d.days | d.weeks | d.hours | d.minutes | d.minutesOfHour | d.seconds | d.secondsOfMinute | d.millisecondsOfSecond |
      | 1       | 14       | 2              | 10     | 1       | 12      | 765       | 45              | 45930     | 30                | 250                    |
    And no side effects

  Scenario: [6] Adding a month clamps the day to the end of the month
    Given any graph
    When executing query:
      """
      RETURN toString(date('2021-01-31') + duration('P1M')) AS feb, toString(date('2020-02-29') + duration('P1Y')) AS leap
      """
    Then the result should be, in any order:
      | feb          | leap         |
      | '2021-02-28' | '2021-02-28' |
    And no side effects

  Scenario: [7] A day is a calendar day, 24 hours are 24 hours, across a daylight-saving change
    Given any graph
    When executing query:
      """
      WITH datetime('2019-03-30T12:00[Europe/London]') AS before
      RETURN toString(before + duration('P1D')) AS day, toString(before + duration('PT24H')) AS hours
      """
    Then the result should be, in any order:
      | day                                        | hours                                      |
      | '2019-03-31T12:00:00+01:00[Europe/London]' | '2019-03-31T13:00:00+01:00[Europe/London]' |
    And no side effects

  Scenario: [8] Duration arithmetic
    Given any graph
    When executing query:
      """
      RETURN toString(duration('P1Y2M') + duration('P11M3D')) AS sum,
             toString(duration('PT1H') - duration('PT90M')) AS difference,
             toString(duration('P1DT1H') * 3) AS times, toString(duration('P1D') / 2) AS half,
             toString(duration({months: 0.75})) AS fraction
      """
    Then the result should be, in any order:
      | sum       | difference | times    | half    | fraction           |
      | 'P2Y1M3D' | 'PT-30M'   | 'P3DT3H' | 'PT12H' | 'P22DT19H51M49.5S' |
    And no side effects

  Scenario: [9] duration.between and its in-unit forms
    Given any graph
    When executing query:
      """
      RETURN toString(duration.between(date('1984-10-11'), date('2015-06-24'))) AS between,
             toString(duration.inMonths(date('1984-10-11'), date('2015-06-24'))) AS months,
             toString(duration.inDays(date('1984-10-11'), date('2015-06-24'))) AS days,
             toString(duration.inSeconds(date('1984-10-11'), localdatetime('1984-10-12T01:00:32.142'))) AS seconds
      """
    Then the result should be, in any order:
      | between     | months   | days      | seconds        |
      | 'P30Y8M13D' | 'P30Y8M' | 'P11213D' | 'PT25H32.142S' |
    And no side effects

  Scenario: [10] Truncation
    Given any graph
    When executing query:
      """
      WITH datetime('2017-11-11T12:31:14.645876123+01:00') AS dt
      RETURN toString(date.truncate('week', dt)) AS week, toString(datetime.truncate('month', dt)) AS month,
             toString(localtime.truncate('minute', dt)) AS minute, toString(date.truncate('month', dt, {day: 5})) AS fifth
      """
    Then the result should be, in any order:
      | week         | month                       | minute     | fifth        |
      | '2017-11-06' | '2017-11-01T00:00:00+01:00' | '12:31:00' | '2017-11-05' |
    And no side effects

  Scenario: [11] Date-times compare by instant; equality also needs the same zone
    Given any graph
    When executing query:
      """
      WITH datetime('2019-07-22T09:00+09:00') AS seoul, datetime('2019-07-22T00:00Z') AS utc
      RETURN seoul < datetime('2019-07-22T00:00:01Z') AS less, utc > datetime('2019-07-21T23:59:59-01:00') AS greater,
             seoul = utc AS equal, seoul.epochSeconds = utc.epochSeconds AS sameInstant
      """
    Then the result should be, in any order:
      | less | greater | equal | sameInstant |
      | true | false   | false | true        |
    And no side effects

  Scenario: [12] Values of different temporal types, and durations, do not compare
    Given any graph
    When executing query:
      """
      RETURN date('2019-07-22') < localdatetime('2019-07-23T00:00') AS mixed,
             duration('P1D') < duration('P2D') AS durations,
             date('2019-07-22') = datetime('2019-07-22T00:00Z') AS equal
      """
    Then the result should be, in any order:
      | mixed | durations | equal |
      | null  | null      | false |
    And no side effects

  Scenario: [13] ORDER BY puts the temporal types in Neo4j's order
    Given any graph
    When executing query:
      """
      UNWIND [duration('P1D'), 'text', localtime('09:00'), date('2019-07-22'), time('09:00Z'),
              datetime('2019-07-22T09:00Z'), localdatetime('2019-07-22T09:00')] AS v
      RETURN v ORDER BY v
      """
    Then the result should be, in order:
      | v                   |
      | '2019-07-22T09:00Z' |
      | '2019-07-22T09:00'  |
      | '2019-07-22'        |
      | '09:00Z'            |
      | '09:00'             |
      | 'P1D'               |
      | 'text'              |
    And no side effects

  Scenario: [14] Temporal values as properties
    Given an empty graph
    When executing query:
      """
      CREATE (e:Event {at: datetime('2019-07-22T09:30[Asia/Seoul]'), lasts: duration('PT2H')})
      RETURN toString(e.at + e.lasts) AS finish
      """
    Then the result should be, in any order:
      | finish                                  |
      | '2019-07-22T11:30:00+09:00[Asia/Seoul]' |
    And the side effects should be:
      | +nodes      | 1 |
      | +labels     | 1 |
      | +properties | 2 |

  Scenario: [15] Temporal properties filter and sort
    Given an empty graph
    And having executed:
      """
      CREATE (:Deal {name: 'a', on: date('2018-03-01')}), (:Deal {name: 'b', on: date('2019-07-22')}),
             (:Deal {name: 'c', on: date('2020-01-10')})
      """
    When executing query:
      """
      MATCH (d:Deal) WHERE d.on >= date('2019-01-01') RETURN d.name ORDER BY d.on DESC
      """
    Then the result should be, in order:
      | d.name |
      | 'c'    |
      | 'b'    |
    And no side effects

  Scenario: [16] An unreadable date-time is an error
    Given any graph
    When executing query:
      """
      RETURN datetime('2019-07-22 09:30')
      """
    Then a ArgumentError should be raised at runtime: InvalidArgumentValue

  Scenario: [17] An unknown time zone is an error
    Given any graph
    When executing query:
      """
      RETURN datetime({year: 2019, timezone: 'Mars/Olympus'})
      """
    Then a ArgumentError should be raised at runtime: InvalidArgumentValue

  Scenario: [18] Subtracting one date from another is a type error
    Given any graph
    When executing query:
      """
      RETURN date('2019-07-22') - date('2019-07-21')
      """
    Then a TypeError should be raised at runtime: InvalidArgumentType

  Scenario: [19] The statement clock stands still within a statement
    Given any graph
    When executing query:
      """
      UNWIND range(1, 1000) AS i
      WITH collect(datetime()) AS times
      RETURN size([t IN times WHERE t = times[0]]) AS same, datetime.statement() = times[0] AS statement
      """
    Then the result should be, in any order:
      | same | statement |
      | 1000 | true      |
    And no side effects

  Scenario: [20] Null in, null out
    Given any graph
    When executing query:
      """
      RETURN datetime(null) AS a, duration(null) AS b, date('2019-07-22') + null AS c,
             duration.between(null, date('2019-07-22')) AS d
      """
    Then the result should be, in any order:
      | a    | b    | c    | d    |
      | null | null | null | null |
    And no side effects

  Scenario: [21] Dates reach the years -999999999 to 999999999, and no further
    Given any graph
    When executing query:
      """
      RETURN toString(date('-999999999-01-01')) AS first, toString(date({year: 999999999, month: 12, day: 31})) AS last,
             toString(duration.between(date('-999999999-01-01'), date('+999999999-12-31'))) AS span,
             toString(date('+10000-01-01') - duration('P1D')) AS before, toString(date('-44-03-15')) AS ides
      """
    Then the result should be, in any order:
      | first              | last               | span                 | before        | ides          |
      | '-999999999-01-01' | '+999999999-12-31' | 'P1999999998Y11M30D' | '9999-12-31'  | '-0044-03-15' |
    And no side effects

  Scenario: [22] A date past the range is an error
    Given any graph
    When executing query:
      """
      RETURN date('+999999999-12-31') + duration('P1D') AS next
      """
    Then an ArgumentError should be raised at runtime: InvalidArgumentValue
