RETURN reduce(total = 0, x | total + x)
