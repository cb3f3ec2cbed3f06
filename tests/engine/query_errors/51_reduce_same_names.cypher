RETURN reduce(x = 0, x IN [1, 2] | x + 1)
