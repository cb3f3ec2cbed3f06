MATCH (n)-[r]-()
WHERE NOT n:Document AND (n:Person OR n:Company:Public)
RETURN n.name AS entity, n:Person AS is_person, count(r) AS degree
ORDER BY degree DESC, entity
LIMIT 5
