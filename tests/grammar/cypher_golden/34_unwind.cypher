UNWIND [3, 1, 4, 1, 5] AS x
UNWIND range(0, x) AS y
RETURN x, y, count(*) AS n
