MATCH (n)
WHERE n.missing IS NULL AND n.present IS NOT NULL
RETURN null IS NULL AS a, n.x IS NOT NULL = false AS b
