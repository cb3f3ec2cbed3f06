MATCH (c:Company)
DELETE 42
