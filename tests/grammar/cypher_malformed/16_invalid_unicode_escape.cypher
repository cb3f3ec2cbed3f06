RETURN 'caf\u00g9' AS s
