MATCH (n:Company)
CALL ergo.neighbours(n, 2) YIELD node, distance AS d
WHERE d > 1
RETURN n.name, node.name, d
