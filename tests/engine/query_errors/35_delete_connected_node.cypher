MATCH (c:Company {name: 'Acme'})
DELETE c
