EXPLAIN MATCH (c:Company {name: 'Tesla'}) SET c.x = 1, c += {y: 2}, c:Car REMOVE c.industry, c:Company DETACH DELETE c;
