MATCH (a:Company)
WHERE a.name = 'Acme'
RETURN a.name, b.name
