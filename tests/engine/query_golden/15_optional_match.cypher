MATCH (p:Person)
OPTIONAL MATCH (p)-[:FOUNDED]->(o)
RETURN p.name AS person, collect(o.name) AS founded
ORDER BY person
