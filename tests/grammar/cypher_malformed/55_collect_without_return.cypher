MATCH (c:Company)
RETURN COLLECT { MATCH (c)-[:INVESTS_IN]->(t) } AS targets
