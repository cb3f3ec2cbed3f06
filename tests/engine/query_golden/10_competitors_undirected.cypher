MATCH (:Company {name: 'Google'})-[:COMPETES_WITH]-(rival)
RETURN DISTINCT rival.name AS rival
ORDER BY rival
