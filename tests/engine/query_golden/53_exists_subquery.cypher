// EXISTS { ... }: the companies that invested in something that develops a
// product — a pattern with WHERE inside, correlated on c and nested.
MATCH (c:Company)
WHERE EXISTS {
  MATCH (c)-[:INVESTS_IN]->(t)
  WHERE EXISTS { (t)-[:DEVELOPS]->(:Product) }
}
RETURN c.name AS company ORDER BY company
