MATCH (c:Company)
RETURN c.name AS company,
       CASE WHEN (c)-[:MEMBER_OF]->(:Alliance) THEN 'alliance member'
            WHEN (c)-[:NOT_MEMBER_OF]->(:Alliance) THEN 'stayed out'
            ELSE 'not mentioned' END AS alliance
ORDER BY company
LIMIT 8
