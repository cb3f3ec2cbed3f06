MATCH (m)-[:MEMBER_OF]->(a:Alliance {name: 'AI Alliance'})
RETURN m.name AS member, labels(m) AS labels
ORDER BY member
