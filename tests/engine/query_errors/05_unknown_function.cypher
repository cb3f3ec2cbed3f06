RETURN toLowr('ABC')
