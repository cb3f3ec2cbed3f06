MATCH (:Company {name: 'Microsoft'})-[r:INVESTS_IN]->(:Company {name: 'OpenAI'})
RETURN properties(r) AS facts
ORDER BY r.line
