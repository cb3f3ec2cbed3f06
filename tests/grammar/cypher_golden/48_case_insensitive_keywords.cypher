match (n:Person) where n.age >= 18 and not n.banned return distinct n.name as name order by name desc limit 3
