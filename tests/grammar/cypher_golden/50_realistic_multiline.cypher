MATCH (n)-[r]-()
WITH n, collect(DISTINCT r.source) AS docs
WHERE size(docs) >= 3
UNWIND docs AS doc
WITH n, docs, doc ORDER BY doc
RETURN n.name AS entity, size(docs) AS documents, head(collect(doc)) AS first_doc,
       CASE WHEN size(docs) > 5 THEN 'many' ELSE 'some' END AS bucket
ORDER BY documents DESC, entity
SKIP 0 LIMIT 20
