UNWIND [1, 2] AS x RETURN x:Label
