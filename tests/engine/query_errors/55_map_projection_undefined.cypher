RETURN n {.name}
