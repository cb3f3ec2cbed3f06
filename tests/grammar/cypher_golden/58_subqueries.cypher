MATCH (c:Company)
WHERE EXISTS { (c)-[:INVESTS_IN]->(t) WHERE t.name <> 'x' }
  AND exists((c)-->())
RETURN c.name,
       COUNT { MATCH (c)-[:INVESTS_IN]->() } AS deals,
       count(*) AS rows,
       COLLECT { MATCH (c)-[:INVESTS_IN]->(t) WITH DISTINCT t RETURN t.name } AS targets,
       exists { MATCH (c) RETURN c } AS always
