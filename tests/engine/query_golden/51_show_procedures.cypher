// SHOW PROCEDURES, as in Neo4j 5: Neo4j's columns, filtered by WHERE.
SHOW PROCEDURES WHERE name STARTS WITH 'db.'
