MATCH (c:Company {name: 'Tesla'}) SET c.industry = 'rockets', c:Rocket CREATE (c)-[:OWNS]->(:Company {name: 'SpaceX 2'}) WITH c DELETE c;
MATCH (c:Company {name: 'Tesla'}) RETURN c.industry, labels(c) AS labels;
MATCH (n {name: 'SpaceX 2'}) RETURN count(n) AS created;
