MATCH (c:Company {name: 'OpenAI'}) REMOVE c:Organization, c.kind RETURN labels(c) AS labels, keys(c) AS keys;
MATCH (o:Organization {name: 'OpenAI'}) RETURN o;
MATCH (c:Company {name: 'OpenAI'}) REMOVE c.nothing, c:Nothing RETURN c.name;
