MATCH (n:MATCH {exists: 42, end: 'x'})-[:RETURN]->(m:`WHERE`)
RETURN n.exists AS exists_value, n.end AS `end`, {order: 1, limit: 2} AS keywords_as_keys, count AS not_reserved
