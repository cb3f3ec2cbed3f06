MATCH (n) /* find everything
RETURN n
