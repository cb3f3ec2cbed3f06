MATCH (c:Company {name: 'OpenAI'})
DELETE c;
MATCH (c:Company {name: 'OpenAI'})-[r]-() RETURN count(r) AS still_connected;
