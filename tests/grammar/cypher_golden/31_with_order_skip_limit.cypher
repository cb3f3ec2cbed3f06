MATCH (n)
WITH DISTINCT n.kind AS kind, n ORDER BY kind ASC, n.name DESCENDING SKIP 2 LIMIT 10
WITH *, kind + "!" AS loud
RETURN kind, loud
