MATCH (a {name: 'Sam Altman'}), (b {name: 'IBM'})
CALL ergo.shortestPath(a, b, {direction: 'both'}) YIELD path, length
RETURN path, length
