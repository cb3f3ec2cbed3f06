CALL ergo.pagerank() YIELD node, score
RETURN node.name, score
