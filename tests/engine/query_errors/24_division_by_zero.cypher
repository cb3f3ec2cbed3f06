MATCH (n) RETURN count(n) / 0
