// Investments dated on or after 2019-01-01, with the parts of their dates.
MATCH (a)-[r:INVESTS_IN]->(b)
WHERE r.date >= date('2019-01-01')
RETURN a.name, b.name, r.date, r.date.year AS year, r.date.quarter AS quarter, r.date.dayOfWeek AS weekday
ORDER BY r.date, a.name
