// An aggregating map projection groups by its subject, as in Neo4j: one
// map per investor, with the number of its deals and its targets, sorted.
MATCH (i)-[:INVESTS_IN]->(t)
WITH i, t ORDER BY t.name
RETURN i {.name, deals: count(t), targets: collect(DISTINCT t.name)} AS investor
ORDER BY investor.deals DESC, investor.name
LIMIT 3
