UNWIND [1, 2] AS x
REMOVE x.name
