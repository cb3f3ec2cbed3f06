FORECH (x IN [1] | CREATE ())
