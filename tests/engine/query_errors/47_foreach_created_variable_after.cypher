FOREACH (x IN [1] | CREATE (t:Tag {v: x}))
RETURN t.v
