MATCH (p:Person) WITH count(p) AS people MATCH ()-[r]->() RETURN people, count(r) AS relationships;
MATCH (p:Person) WITH collect(p) AS people FOREACH (p IN people | DETACH DELETE p);
MATCH (p:Person) WITH count(p) AS people MATCH ()-[r]->() RETURN people, count(r) AS relationships;
