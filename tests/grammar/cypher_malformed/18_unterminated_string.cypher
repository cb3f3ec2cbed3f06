RETURN 'abc AS s
