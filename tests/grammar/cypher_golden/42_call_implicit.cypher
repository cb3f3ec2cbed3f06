CALL db.relationshipTypes
