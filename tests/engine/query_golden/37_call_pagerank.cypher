CALL ergo.pageRank() YIELD node, score
MATCH (node:Company)
RETURN node.name AS company, round(score, 3) AS score ORDER BY score DESC LIMIT 3
