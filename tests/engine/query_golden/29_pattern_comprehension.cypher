MATCH (o:Company {name: 'OpenAI'})
RETURN [(o)-[:DEVELOPS]->(p) | p.name] AS develops
