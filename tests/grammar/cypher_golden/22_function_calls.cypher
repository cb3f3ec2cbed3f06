RETURN toUpper('ergo') AS up, left('마이크로소프트', 4) AS left4, coalesce(null, 'x') AS c,
       size(split('a,b,c', ',')) AS parts, ergo.util.hash('x') AS namespaced, date('2023-01-01').year AS year
