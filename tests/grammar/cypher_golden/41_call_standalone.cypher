CALL db.labels() YIELD label AS l
