MATCH (c) RETURN COLLECT { MATCH (c)-->(t) RETURN t, t.name } AS x
