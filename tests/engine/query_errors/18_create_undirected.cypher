CREATE (a)-[:KNOWS]-(b)
