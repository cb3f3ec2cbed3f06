MATCH (c:Company)
CALL { WITH c WHERE c.name STARTS WITH 'M' RETURN c.name AS name }
RETURN name
