MATCH (c:Company)
WHERE COUNT { MATCH (c)-->(t) SET t.seen = true } > 0
RETURN c
