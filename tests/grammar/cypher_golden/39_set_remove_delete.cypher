MATCH (n:Temp)
SET n.flag = true, n = {name: n.name}, n += $extra, n:Archived:Old
REMOVE n:Temp, n.scratch
WITH n
MATCH (n)-[r:TMP]-()
DELETE r
DETACH DELETE n
