MATCH (p:Person)-[f:FOUNDED]->(o)
RETURN p.name AS founder, o.name AS founded, f.date AS date
ORDER BY founder, founded
