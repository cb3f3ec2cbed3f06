MATCH (p:Person:Employee {name: 'Ada', born: 1815})
RETURN p.name, p.born
