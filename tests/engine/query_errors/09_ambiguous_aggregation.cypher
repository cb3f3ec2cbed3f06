MATCH (n) RETURN n.name + count(*)
