MATCH (p:Person)
RETURN DISTINCT p.name AS person, p.age
ORDER BY p.age DESC, person ASCENDING, p.name
SKIP 2 LIMIT 3
