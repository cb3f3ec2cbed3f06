MATCH (:Company {name: 'Microsoft'})-[r:INVESTS_IN]->(o) DELETE r RETURN DISTINCT o.name;
MATCH (:Company {name: 'Microsoft'})-[r:INVESTS_IN]->() RETURN count(r) AS left;
MATCH ()-[r:INVESTS_IN]->() RETURN count(r) AS investments;
