FOREACH (x IN [1, 'a'] | CREATE (:Tag {v: x * 2}))
