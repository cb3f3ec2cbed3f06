UNWIND [3, 1, 4, 1, 5, 9, 2, 6] AS x
RETURN count(x) AS n, sum(x) AS total, avg(x) AS mean, min(x) AS low, max(x) AS high,
       collect(DISTINCT x) AS distinct_values
