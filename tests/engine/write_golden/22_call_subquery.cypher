MATCH (c:Company)-[:INVESTS_IN]->(t) WITH DISTINCT c CALL (c) { MATCH (c)-[:INVESTS_IN]->(t) WITH c, t, count(*) AS deals MERGE (c)-[:BACKS {deals: deals}]->(t) RETURN t.name AS target, deals } RETURN c.name AS investor, target, deals ORDER BY investor, target;
MATCH (c:Company)-[b:BACKS]->() WHERE b.deals = 1 CALL (b) { DELETE b };
MATCH (c)-[b:BACKS]->(t) RETURN c.name AS investor, t.name AS target, b.deals AS deals;
UNWIND ['Ann', 'Bob'] AS name CALL (name) { CREATE (p:Person {name: name}) RETURN p } CALL { MATCH (q:Person) WHERE q.name IN ['Ann', 'Bob'] RETURN count(q) AS seen } RETURN p.name AS created, seen;
