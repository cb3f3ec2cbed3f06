MATCH (c:Company {name: 'Tesla'}) FOREACH (x IN [1, 2, 0] | SET c.ratio = 10 / x CREATE (c)-[:HAS]->(:Note {v: x}));
MATCH (c:Company {name: 'Tesla'}) RETURN c.ratio, size([(c)-[:HAS]->(n) | n]) AS notes;
MATCH (n:Note) RETURN count(n) AS notes;
