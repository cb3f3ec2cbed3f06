// dbms.components(): which database answers.
CALL dbms.components() YIELD name, edition
RETURN name, edition
