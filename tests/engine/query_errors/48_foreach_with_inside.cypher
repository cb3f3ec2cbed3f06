FOREACH (x IN [1] |
  WITH x AS y CREATE ())
