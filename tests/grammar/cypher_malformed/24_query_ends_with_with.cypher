MATCH (n) WITH n.name AS name
