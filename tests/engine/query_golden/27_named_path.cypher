MATCH p = (:Person {name: 'Sam Altman'})-[:CEO_OF]->(o)
RETURN p
ORDER BY o.name
