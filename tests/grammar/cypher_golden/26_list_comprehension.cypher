UNWIND range(1, 10) AS i
WITH collect(i) AS numbers
RETURN [x IN numbers WHERE x % 2 = 0 | x * x] AS even_squares, [x IN numbers WHERE x > 5] AS big,
       [x IN numbers | x + 1] AS shifted, [x IN numbers] AS same, size(numbers) AS total
