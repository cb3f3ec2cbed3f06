MATCH (c:Company {name: 'OpenAI'}) FOREACH (tag IN ['ai', 'research', 'ai'] | MERGE (t:Tag {name: tag}) MERGE (c)-[:TAGGED]->(t));
MATCH (c:Company {name: 'OpenAI'})-[:TAGGED]->(t:Tag) RETURN t.name ORDER BY t.name;
