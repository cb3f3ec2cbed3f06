MATCH (p:Person)
OPTIONAL MATCH (p)-[:FOUNDED]->(o) WHERE o.year > 2000
RETURN p.name AS person, collect(o.name) AS founded
ORDER BY person
