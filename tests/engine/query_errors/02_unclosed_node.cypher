MATCH (n:Company RETURN n
