MATCH ()-[r]->() RETURN count(r) AS relationships;
MATCH (c {name: 'OpenAI'}) DETACH DELETE c;
MATCH (n) RETURN count(n) AS nodes;
MATCH ()-[r]->() RETURN count(r) AS relationships;
CALL ergo.find('오픈AI') YIELD node RETURN node.name;
MATCH (m {name: 'Microsoft'})-[:INVESTS_IN]->(x) RETURN x.name;
