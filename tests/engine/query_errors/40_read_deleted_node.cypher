MATCH (c:Company)
DETACH DELETE c
RETURN c.name
