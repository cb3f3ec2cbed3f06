// CALL { ... }: for each company, its two most-connected partners by
// DEVELOPS count (a per-row top-N, which needs a subquery), imported with
// a scope clause.
MATCH (c:Company)-[:PARTNERS_WITH]-(p:Company)
WITH DISTINCT c
CALL (c) {
  MATCH (c)-[:PARTNERS_WITH]-(p:Company)
  WITH DISTINCT p
  RETURN p.name AS partner, COUNT { (p)-[:DEVELOPS]->() } AS develops
  ORDER BY develops DESC, partner
  LIMIT 2
}
RETURN c.name AS company, partner, develops
ORDER BY company, develops DESC, partner
