RETURN 0 AS zero, 42 AS answer, 0x1F AS hex, 0XfF AS hex_upper, 0o17 AS octal, 9223372036854775807 AS max,
       -9223372036854775808 AS min, -0x8000000000000000 AS min_hex, 1.5 AS f, .5 AS no_int_part,
       1e10 AS exp, 1.5E-3 AS small, 6.02e+23 AS avogadro, -0.0 AS negative_zero
