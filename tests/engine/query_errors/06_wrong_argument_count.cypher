RETURN substring()
