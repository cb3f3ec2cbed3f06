MATCH (a)-[r]->(b)
RETURN *, a.name AS name
