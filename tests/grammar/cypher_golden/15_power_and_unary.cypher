RETURN 2 ^ 3 ^ 2 AS left_assoc, -2 ^ 2 AS signed_base, -x ^ 2 AS negated_var, - -1 AS double_minus, +5 AS plus, -(1 + 2) AS negated_group
