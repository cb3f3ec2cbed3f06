RETURN 'single' AS s1, "double" AS s2, 'it\'s' AS escaped_quote, "say \"hi\"" AS escaped_dq,
       'tab\there\nnewline\\backslash' AS controls, '\u00e9t\u00e9' AS bmp, '\U0001F600' AS astral,
       '\uD83D\uDE00' AS surrogate_pair, '마이크로소프트' AS hangul, '' AS empty
