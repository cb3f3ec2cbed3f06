FOREACH (x IN 'abc' | CREATE ())
