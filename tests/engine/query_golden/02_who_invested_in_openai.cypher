MATCH (investor)-[r:INVESTS_IN]->(:Company {name: 'OpenAI'})
RETURN investor.name AS investor, r.amount AS amount, r.source AS source, r.line AS line
ORDER BY investor
