MATCH p = (:Person)-[:FOUNDED]->(o)
RETURN p
