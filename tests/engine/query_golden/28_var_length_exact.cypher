MATCH (a:Person {name: 'Elon Musk'})-[*2]->(x)
RETURN DISTINCT x.name AS two_hops_out
ORDER BY two_hops_out
