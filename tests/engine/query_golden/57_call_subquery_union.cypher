// UNION inside CALL { ... } and COLLECT { ... }: everyone Microsoft put
// money into or took money from, once each, and the dated investments
// (from the seeds) between them, with an importing WITH.
MATCH (m:Company {name: 'Microsoft'})
CALL {
  WITH m
  MATCH (m)-[:INVESTS_IN]->(x) RETURN x.name AS counterpart, 'invested in' AS how
  UNION
  WITH m
  MATCH (m)<-[:INVESTS_IN]-(x) RETURN x.name AS counterpart, 'funded by' AS how
}
RETURN counterpart, how,
       COLLECT { MATCH (m)-[r:INVESTS_IN]-(x {name: counterpart}) WHERE r.date IS NOT NULL RETURN toString(r.date) AS d
                 UNION MATCH (m)-[r:INVESTS_IN]-(x {name: counterpart}) WHERE r.date >= date('2019-01-01') RETURN toString(r.date) AS d } AS since_2019
ORDER BY counterpart
