MATCH (o {name: 'OpenAI'})
CALL ergo.khop(o, 2, {direction: 'both', dampingFactor: 0.5}) YIELD node
RETURN node.name
