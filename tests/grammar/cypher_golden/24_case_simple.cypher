MATCH (n)
RETURN CASE n.kind WHEN 'a' THEN 1 WHEN 'b' THEN 2 ELSE 0 END AS code,
       CASE n.x WHEN 1 THEN 'one' END AS maybe
