MATCH (c)-[:DEVELOPS]->(x)
WITH c, count(x) AS products
WHERE products >= 3
RETURN c.name AS developer, products
ORDER BY products DESC, developer
