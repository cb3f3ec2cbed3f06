MATCH (c:Company)-[r:OWNS]->()
SET r:Label
