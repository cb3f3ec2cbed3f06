MATCH (n:Company {name: "Acme"} RETURN n
