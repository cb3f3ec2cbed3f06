MATCH (n) RETURN count(count(n))
