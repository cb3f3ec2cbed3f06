SHOW BUILT IN FUNCTIONS YIELD name, category WHERE category = 'Numeric'
RETURN name ORDER BY name
