MATCH (a)-->(b), (a)<--(c), (a)--(d), (a)<-->(e)
RETURN a, b, c, d, e
