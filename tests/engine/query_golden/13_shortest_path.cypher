MATCH p = shortestPath((a {name: 'Sam Altman'})-[*..6]-(b {name: 'IBM'}))
RETURN length(p) AS hops, [n IN nodes(p) | n.name] AS route
