MATCH (m:Company {name: 'Microsoft'}), (o:Company {name: 'OpenAI'}) MERGE (m)-[r:INVESTS_IN]->(o) RETURN count(r) AS investments;
MATCH (a:Company {name: 'Apple'}), (o:Company {name: 'OpenAI'}) MERGE (a)-[r:PARTNERS_WITH]-(o) ON CREATE SET r.source = 'test' RETURN r.source;
MATCH (a:Company {name: 'Apple'})-[r:PARTNERS_WITH]-(o:Company {name: 'OpenAI'}) RETURN count(r) AS partnerships;
