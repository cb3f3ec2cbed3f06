MATCH (n) WHERE n.age > 30 RETRUN n
