FOREACH (x IN [1] | )
