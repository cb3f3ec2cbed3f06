WITH [1, 2, 3] AS xs
RETURN reduce(total = 0, x IN xs | total + x) AS sum,
       REDUCE(s = '', w IN ['a', 'b'] | s + w) AS joined,
       reduce(acc = [], x IN xs | acc + [x * 2]) AS doubled
