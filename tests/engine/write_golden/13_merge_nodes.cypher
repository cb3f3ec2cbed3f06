MERGE (c:Company {name: 'OpenAI'}) ON MATCH SET c.seen = true RETURN c.name, c.founded, c.seen;
MERGE (c:Company {name: 'Anthropic'}) ON CREATE SET c.founded = 2021 RETURN c.name, c.founded;
CALL ergo.find('anthropic') YIELD node RETURN node.name, labels(node) AS labels;
