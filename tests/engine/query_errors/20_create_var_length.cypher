CREATE (a)-[:KNOWS*2]->(b)
