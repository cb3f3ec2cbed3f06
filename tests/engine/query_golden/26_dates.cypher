MATCH (a)-[r]->(b)
WHERE r.date >= date('2019-01-01')
RETURN a.name AS subject, type(r) AS relationship, b.name AS object, r.date AS date, r.date_precision AS precision
ORDER BY date, subject, object, relationship
LIMIT 10
