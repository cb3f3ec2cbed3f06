MATCH (o:Company {name: 'OpenAI'})
RETURN [(o)-[:DEVELOPS]->(p) | p.name] AS develops,
       [path = (o)<-[:INVESTS_IN]-(i) WHERE i.name <> 'x' | length(path)] AS investor_paths
