MATCH (company) RETURN compnay.name
