MATCH (c:Company)
CALL {
  MATCH (t)<-[:INVESTS_IN]-(i) WHERE i.name = c.name
  RETURN t.name AS target
}
RETURN c.name, target
