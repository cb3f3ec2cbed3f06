MATCH (n) RETURN n.name AS x, n AS x
