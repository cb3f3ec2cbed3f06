// reduce() folds a list into one value: the money Microsoft put into its
// investments with a known amount, and the names of what it invested in.
MATCH (:Company {name: 'Microsoft'})-[r:INVESTS_IN]->(c)
WITH collect(r.amount) AS amounts, collect(c.name) AS names
RETURN reduce(total = 0, a IN amounts | total + coalesce(a, 0)) AS total,
       size(reduce(s = '', n IN names | s + n)) > 0 AS named,
       reduce(x = 1, i IN [] | x * i) AS empty,
       reduce(x = 1, i IN null | x * i) AS on_null,
       reduce(acc = [], i IN range(1, 4) | [i] + acc) AS reversed
