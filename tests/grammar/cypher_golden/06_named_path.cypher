MATCH p = (:Person {name: 'Sam Altman'})-[:CEO_OF]->(o)
RETURN p, length(p), nodes(p)
ORDER BY o.name
