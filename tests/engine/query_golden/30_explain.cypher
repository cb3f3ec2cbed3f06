EXPLAIN MATCH (c:Company {name: 'Microsoft'})-[:INVESTS_IN]->(o) RETURN o.name
