MATCH (f:File)
WHERE f.path = 'C:\data'
RETURN f
