// options: max_nodes=4 layout=neato
MATCH (c:Company)-[r:COMPETES_WITH]->(d)
RETURN c, r, d
