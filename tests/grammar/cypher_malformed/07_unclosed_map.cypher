RETURN {name: 'x', age: 3 AS m
