// Dates from the bundled graph mixed with date-times in several zones:
// ORDER BY sorts by type (zoned date-times first), each type by its instant.
MATCH (d:Document) WHERE d.published IS NOT NULL
WITH collect(d.published) AS dates
UNWIND dates + [datetime('2019-07-24T09:00[Asia/Seoul]'), datetime('2019-07-23T20:00-05:00'),
                datetime('2019-07-24T00:30Z'), duration('P1D')] AS v
RETURN v ORDER BY v
