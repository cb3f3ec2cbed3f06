CREATE (a:Person) MATCH (b) RETURN a, b
