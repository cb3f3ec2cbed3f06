SHOW PROCEDURES YIELD name, description AS what WHERE name STARTS WITH 'db.'
RETURN name, what ORDER BY name
