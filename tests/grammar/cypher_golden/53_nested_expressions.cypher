RETURN [x IN [y IN range(1, 3) | y * 2] WHERE x > 2 | {v: x, sq: x ^ 2, parts: [p IN split(toString(x), '') | p]}] AS nested,
       coalesce(head([z IN [] | z]), -1) AS fallback
