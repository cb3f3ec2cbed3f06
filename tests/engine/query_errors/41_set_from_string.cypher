MATCH (c:Company)
SET c += 'Acme'
