MATCH (m)-[:MEMBER_OF]->(:Alliance {name: 'AI Alliance'}) RETURN m.name AS name, 'member' AS status
UNION
MATCH (m)-[:NOT_MEMBER_OF]->(:Alliance {name: 'AI Alliance'}) RETURN m.name AS name, 'outside' AS status
