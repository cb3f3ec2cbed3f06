MATCH (n)-[r]-()
WHERE NOT n:Document
RETURN n.name AS entity, count(r) AS degree
ORDER BY degree DESC, entity
LIMIT 5
