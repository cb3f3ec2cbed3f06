CREATE (a:Person {name: 'Ada'})-[:WROTE {year: 1843}]->(n:Note {title: 'Notes'}),
       (b:Person {name: 'Charles'})
CREATE (a)-[:KNOWS]->(b)
RETURN a, b
