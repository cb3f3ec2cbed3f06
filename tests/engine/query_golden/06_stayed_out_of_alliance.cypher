MATCH (o)-[:NOT_MEMBER_OF]->(:Alliance {name: 'AI Alliance'})
RETURN o.name AS outsider
ORDER BY outsider
