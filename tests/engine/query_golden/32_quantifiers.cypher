WITH [1, 2, 3] AS xs
RETURN all(x IN xs WHERE x > 0) AS all_positive, any(x IN xs WHERE x > 2) AS any_big,
       none(x IN xs WHERE x > 5) AS none_huge, single(x IN xs WHERE x = 2) AS one_two
