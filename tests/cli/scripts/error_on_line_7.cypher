// Two good statements, then one that fails on line 7.
MATCH (c:Company {name: 'Intel'})
RETURN c.name AS company;

RETURN 'semi;colon' AS text;

MATCH (p:Person) WHERE p.nmae = 'x' RETURN p.name, missing;
RETURN 'never runs' AS text;
