MATCH (c:Company)
WHERE EXISTS { (c)-[:INVESTS_IN]->()
RETURN c.name
