MATCH (p:Person)-[r:CEO_OF]->(o)
RETURN p.name AS person, o.name AS organization, coalesce(r.status, 'current') AS status
ORDER BY person, organization
