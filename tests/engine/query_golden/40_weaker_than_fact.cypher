MATCH (a)-[r]->(b) WHERE r.status IN ['predicted', 'likely', 'averted'] OR r.basis IS NOT NULL
RETURN coalesce(r.status, 'basis: ' + r.basis) AS qualifier, a.name AS subject, type(r) AS relationship,
       b.name AS object, r.source AS source, r.line AS line
ORDER BY qualifier, subject, object
