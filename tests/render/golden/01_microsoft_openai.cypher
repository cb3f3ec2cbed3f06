MATCH (m {name: 'Microsoft'})-[r]-(o {name: 'OpenAI'})
RETURN m, r, o
