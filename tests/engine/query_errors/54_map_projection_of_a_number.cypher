WITH 42 AS x RETURN x {.name}
