RETURN {name 'x'} AS m
