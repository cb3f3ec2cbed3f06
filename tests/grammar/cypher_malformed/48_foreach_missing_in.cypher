FOREACH (x [1] | CREATE ())
