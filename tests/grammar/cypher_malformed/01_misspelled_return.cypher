MATCH (n:Person)
RETRUN n.name
