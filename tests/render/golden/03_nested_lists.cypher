// Graph elements nested in lists, beside a scalar column that does not draw.
MATCH (c:Company)-[r:INVESTS_IN]->(o)
RETURN c.name AS investor, collect([o, [r]]) AS nested
