EXPLAIN MATCH (c:Company) FOREACH (x IN c.aliases | MERGE (a:Alias {name: x}) MERGE (c)-[:KNOWN_AS]->(a) FOREACH (y IN [1] | SET a.seen = y));
