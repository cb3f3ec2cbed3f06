FOREACH (x IN [1, 2] | CREATE (:Tag {v: x}))
RETURN x
