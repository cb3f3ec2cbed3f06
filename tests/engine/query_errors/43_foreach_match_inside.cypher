MATCH (c:Company)
FOREACH (x IN [1] | MATCH (p:Product) SET p.v = x)
