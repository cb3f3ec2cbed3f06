MATCH (c:Company)
CALL (c) { MATCH (c)-->(t) RETURN t AS c }
RETURN c
