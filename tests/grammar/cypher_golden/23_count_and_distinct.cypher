MATCH (a)-[r]->(b)
RETURN count(*) AS all_rows, COUNT(DISTINCT b) AS distinct_targets, collect(DISTINCT type(r)) AS types,
       sum(r.weight) AS total, avg(r.weight) AS mean
