MATCH (`my node) RETURN 1
