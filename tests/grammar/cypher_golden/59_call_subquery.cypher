MATCH (c:Company)
CALL {
  WITH c
  MATCH (c)-[:INVESTS_IN]->(t)
  RETURN t.name AS target
  UNION
  WITH c
  MATCH (c)<-[:INVESTS_IN]-(t)
  RETURN t.name AS target
}
CALL (c) { CREATE (c)-[:SEEN]->(:Visit) }
RETURN c.name, COUNT { MATCH (c)-->(x) RETURN x UNION MATCH (c)<--(x) RETURN x } AS degree, target
