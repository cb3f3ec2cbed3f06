MATCH (:Company {name: 'Microsoft'})-[r]-(:Company {name: 'OpenAI'})
RETURN type(r) AS relationship, startNode(r).name AS from, collect(DISTINCT r.source) AS sources
ORDER BY relationship, from
