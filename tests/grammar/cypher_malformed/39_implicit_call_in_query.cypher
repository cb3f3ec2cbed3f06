MATCH (n) CALL db.labels RETURN n
