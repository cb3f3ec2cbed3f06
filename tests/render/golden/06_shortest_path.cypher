MATCH p = shortestPath((a {name: 'Tesla'})-[*..10]-(b {name: 'GitHub'}))
RETURN p
