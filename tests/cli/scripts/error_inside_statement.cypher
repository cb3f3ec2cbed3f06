RETURN '첫째' AS first; MATCH (c:Company)
	WHERE c.name = 'Intel'
RETURN c.name,
       c.nmae + 1 AS broken, toUpper(c) AS bad;
