MATCH (c:Company)
SET c.owner = {name: 'Ann'}
