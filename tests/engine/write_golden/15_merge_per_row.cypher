UNWIND ['Tesla', 'Rivian', 'Tesla', 'Lucid'] AS name MERGE (c:Company {name: name}) RETURN name, c.industry ORDER BY name;
MATCH (c:Company) WHERE c.name IN ['Tesla', 'Rivian', 'Lucid'] RETURN c.name ORDER BY c.name;
