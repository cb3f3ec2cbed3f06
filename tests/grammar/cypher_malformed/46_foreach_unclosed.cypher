FOREACH (x IN [1] | CREATE (:Tag)
