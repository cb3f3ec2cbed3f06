MATCH (a:Company {name: 'n5113'})-[*1..2]->(b) WHERE b <> a RETURN count(DISTINCT b);
MATCH (a:Company)-[r1:INVESTS]->(b)-[:DEVELOPS]->(c) WHERE r1.since >= 2020 RETURN count(DISTINCT a);
MATCH (a)-->() RETURN a.name AS name, count(*) AS deg ORDER BY deg DESC, name LIMIT 10;
MATCH p = shortestPath((a:Company {name: 'n9'})-[*..10]->(b:Company {name: 'n1'})) RETURN length(p);
MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type
