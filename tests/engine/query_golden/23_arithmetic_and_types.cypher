RETURN 7 / 2 AS int_div, 7 / 2.0 AS float_div, 7 % 3 AS remainder, 2 ^ 10 AS power,
       toInteger('42') + 1 AS parsed, toFloat('1.5') * 2 AS doubled, 1 = 1.0 AS mixed_equal
