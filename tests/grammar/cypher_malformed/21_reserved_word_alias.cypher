MATCH (n) RETURN n.end AS end
