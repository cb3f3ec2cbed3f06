MATCH p = (a)-->(b) RETURN p {.name}
