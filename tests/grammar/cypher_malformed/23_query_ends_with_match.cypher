MATCH (n:Person)
