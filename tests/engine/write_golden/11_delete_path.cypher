MATCH p = (:Person {name: 'Lisa Su'})-[:CEO_OF]->(:Company {name: 'AMD'}) DETACH DELETE p RETURN length(p) AS hops;
MATCH (n) WHERE n.name IN ['Lisa Su', 'AMD'] RETURN n.name;
