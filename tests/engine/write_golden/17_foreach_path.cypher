MATCH p = (:Person {name: 'Sam Altman'})-[:CEO_OF]->(:Company {name: 'OpenAI'}) FOREACH (n IN nodes(p) | SET n.reviewed = true) RETURN [n IN nodes(p) | n.name] AS path;
MATCH (n) WHERE n.reviewed RETURN n.name ORDER BY n.name;
