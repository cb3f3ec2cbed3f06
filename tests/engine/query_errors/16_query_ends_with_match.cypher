MATCH (n)
