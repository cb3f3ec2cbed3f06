MATCH p = (a)-[:KNOWS*]->(b)
FOREACH (n IN nodes(p) | SET n.seen = true, n:Seen FOREACH (m IN [1, 2] | CREATE (n)-[:AT {v: m}]->(:Mark)) MERGE (x:Tag {name: 'y'}) DETACH DELETE b REMOVE n.old)
