// COLLECT { ... }: the list of the subquery's one column, per row; the
// subquery orders and limits on its own.
MATCH (c:Company) WHERE c.name IN ['Microsoft', 'Google']
RETURN c.name AS company,
       COLLECT { MATCH (c)-[:INVESTS_IN]->(t) RETURN DISTINCT t.name AS name ORDER BY name } AS invested_in,
       size(COLLECT { MATCH (c)--(x) RETURN x LIMIT 3 }) AS first_three
ORDER BY company
