MATCH (n), (m)
WHERE (n)-[:KNOWS]->(m) AND NOT (m)-[:BLOCKS*1..2]->(n) OR exists((n)<--(:Admin))
RETURN n, m
