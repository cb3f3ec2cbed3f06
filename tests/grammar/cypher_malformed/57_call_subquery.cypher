MATCH (n)
CALL (n) {
  MATCH (n)-->(m)
  RETURN m
