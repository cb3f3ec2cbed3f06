MATCH (m:Company {name: 'Microsoft'})-[r:INVESTS_IN]->(o)
RETURN o.name, r.amount, r.currency, r.date
ORDER BY r.date, o.name
