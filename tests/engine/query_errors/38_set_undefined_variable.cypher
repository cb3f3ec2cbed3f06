MATCH (c:Company)
SET d.name = 'x'
