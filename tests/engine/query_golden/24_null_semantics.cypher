RETURN null = null AS eq, null IS NULL AS is_null, null OR true AS or_true, null AND false AS and_false,
       1 IN [1, null] AS found, 2 IN [1, null] AS unknown, coalesce(null, 'fallback') AS fallback
