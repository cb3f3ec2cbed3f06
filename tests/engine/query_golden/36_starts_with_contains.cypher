MATCH (n)
WHERE n.name STARTS WITH 'Azure' OR n.name CONTAINS 'GPT'
RETURN n.name AS name
ORDER BY name
