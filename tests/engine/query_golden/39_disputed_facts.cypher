MATCH (a)-[r]->(b) WHERE r.dispute IS NOT NULL
RETURN r.dispute AS dispute, a.name AS subject, type(r) AS relationship, b.name AS object,
       coalesce(r.since, r.status, r.context) AS how, r.source AS source, r.line AS line
ORDER BY dispute, source, object
