RETURN true + 1
