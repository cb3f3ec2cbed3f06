MATCH (x)-[:RUNS_ON]->(platform)
RETURN x.name AS what, platform.name AS runs_on
ORDER BY what, runs_on
