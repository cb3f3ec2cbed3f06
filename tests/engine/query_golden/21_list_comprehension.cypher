UNWIND range(1, 10) AS i
WITH collect(i) AS numbers
RETURN [x IN numbers WHERE x % 2 = 0 | x * x] AS even_squares, size(numbers) AS total
