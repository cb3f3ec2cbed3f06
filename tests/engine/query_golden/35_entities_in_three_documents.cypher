MATCH (n)-[r]-()
WITH n, collect(DISTINCT r.source) AS docs
WHERE size(docs) >= 3
RETURN n.name AS entity, size(docs) AS documents
ORDER BY documents DESC, entity
