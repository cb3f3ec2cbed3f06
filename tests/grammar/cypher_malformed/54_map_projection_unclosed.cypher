MATCH (n) RETURN n {.name, .aliases
