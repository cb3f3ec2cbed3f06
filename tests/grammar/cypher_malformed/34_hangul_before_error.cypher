MATCH (c {name: '마이크로소프트'})
WHERE c.founded > 1975
RETURN c.이름 + , c.name
