MATCH (n) WHERE n.name = $nobody RETURN n
