WITH [1, 2, 3] AS xs
RETURN 2 IN xs AS found, xs[0] IN [1] = true AS nested, 1 + 1 IN xs AS arithmetic_first
