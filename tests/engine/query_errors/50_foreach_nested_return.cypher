MATCH (c:Company)
FOREACH (x IN [1] | FOREACH (y IN [2] | SET c.v = y RETURN c))
