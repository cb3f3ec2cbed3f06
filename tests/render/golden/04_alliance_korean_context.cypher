// options: korean context
MATCH (a:Alliance)
RETURN a
