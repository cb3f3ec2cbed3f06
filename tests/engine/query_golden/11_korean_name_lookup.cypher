MATCH (c {name: 'Microsoft'})
RETURN c.name, c.aliases[0] AS korean, size(c.aliases[0]) AS characters
