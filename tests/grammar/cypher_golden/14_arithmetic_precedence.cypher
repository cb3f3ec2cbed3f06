RETURN 1 + 2 * 3 - 4 / 2 % 3 AS a, (1 + 2) * 3 AS b, 10 - 3 - 2 AS c, 2 * 3 + 4 * 5 AS d
