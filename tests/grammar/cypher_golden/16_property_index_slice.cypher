WITH {a: {b: [1, 2, 3, 4]}} AS m, [10, 20, 30] AS l
RETURN m.a.b[1] AS second, l[-1] AS last, l[1..] AS tail, l[..2] AS head2, l[0..2] AS mid, m['a'] AS dynamic, l[..] AS whole
