RETURN TRUE AS t, False AS f, NULL AS n, nUlL IS NULL AS still_null
