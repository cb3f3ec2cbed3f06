MATCH (n) RETURN n {.name, .}
