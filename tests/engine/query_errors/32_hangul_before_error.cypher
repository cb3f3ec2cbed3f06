RETURN '마이크로소프트' + , 1
