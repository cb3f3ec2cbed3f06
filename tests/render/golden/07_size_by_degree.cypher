// options: size_by=degree legend=off
MATCH (c:Company)-[r:COMPETES_WITH]-()
RETURN c, count(r) AS degree
