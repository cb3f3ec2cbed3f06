MATCH (p:Person)
RETURN p.name AS person
ORDER BY person DESC
SKIP 2 LIMIT 3
