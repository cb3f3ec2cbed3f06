MATCH (c:Company)<-[:INVESTS_IN]-(i) WITH c, count(DISTINCT i) AS investors WHERE investors >= 1
SET c.investors = investors
WITH c MATCH (c)<-[:INVESTS_IN]-(i) RETURN c.name, c.investors, count(DISTINCT i) AS check ORDER BY c.name;
