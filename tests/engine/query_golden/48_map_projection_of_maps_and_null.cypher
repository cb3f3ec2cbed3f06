// The subject may be a map; a null subject (OPTIONAL MATCH found nothing)
// gives null, not a map of nulls.
WITH {name: 'ergo', version: 1} AS m
OPTIONAL MATCH (n:Company {name: 'No such company'})
RETURN m {.name, .*, extra: true} AS from_map, n {.name} AS from_null
