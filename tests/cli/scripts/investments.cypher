/* Who invests in OpenAI, and what Microsoft develops.
   A ';' inside this comment does not end a statement. */
:param target 'OpenAI'

MATCH (investor)-[r:INVESTS_IN]->(o {name: $target})  // an inline comment; with a ';'
RETURN DISTINCT investor.name AS investor,
       'a "quoted;" string' AS note
ORDER BY investor;

MATCH (c {name: 'Microsoft'})-[:DEVELOPS]->(p)
WHERE p.name STARTS WITH 'Microsoft' OR p.name = 'Bing'
RETURN DISTINCT p.name AS `product;name` ORDER BY `product;name`
