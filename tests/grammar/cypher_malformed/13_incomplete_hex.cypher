RETURN 0x AS literal
