MATCH (c:Company)
FOREACH (x IN c | SET x.v = 1)
