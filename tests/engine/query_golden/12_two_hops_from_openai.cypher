MATCH (o:Company {name: 'OpenAI'})-[*1..2]-(x)
WHERE x <> o
RETURN count(DISTINCT x) AS within_two_hops
