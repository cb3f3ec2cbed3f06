MATCH (n:Person {name: $name})
WHERE n.age > $min_age AND n.id IN $ids
RETURN n, $0 AS first_positional, $`odd name` AS quoted
LIMIT $limit
