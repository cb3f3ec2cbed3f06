MERGE (c:Company {name: 'Acme'})
ON CREATE SET c.created = timestamp(), c:New
ON MATCH SET c.seen = c.seen + 1, c += {updated: true}
MERGE (c)-[:LOCATED_IN]->(:City {name: 'Paris'})
