RETURN reduce(total = 0, x IN [1, 2] | total + x) + x
