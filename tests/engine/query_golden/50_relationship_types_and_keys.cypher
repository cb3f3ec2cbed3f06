// db.relationshipTypes() and db.propertyKeys(), counted and sampled.
CALL db.relationshipTypes() YIELD relationshipType AS type
WITH collect(type) AS types
CALL db.propertyKeys() YIELD propertyKey
RETURN size(types) AS type_count, 'INVESTS_IN' IN types AS has_invests,
       count(propertyKey) AS key_count, 'founded' IN collect(propertyKey) AS has_founded
