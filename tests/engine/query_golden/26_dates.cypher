MATCH (a)-[r]->(b)
WHERE r.date >= date('2023-01-01')
RETURN a.name AS subject, type(r) AS relationship, b.name AS object, r.date AS date
ORDER BY date, subject, object
LIMIT 10
