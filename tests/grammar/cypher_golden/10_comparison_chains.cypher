MATCH (n)
WHERE 1 < n.x <= 10 AND n.y = n.z <> 3 AND (n.a > n.b) = true
RETURN n
