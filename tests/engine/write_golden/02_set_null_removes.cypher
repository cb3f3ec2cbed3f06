MATCH (:Company {name: 'Microsoft'})-[r:INVESTS_IN]->(:Company {name: 'OpenAI'}) WHERE r.amount IS NOT NULL
SET r.amount = null, r.currency = null RETURN r.line, r.amount, r.currency;
MATCH ()-[r:INVESTS_IN]->() WHERE r.amount IS NOT NULL RETURN count(r) AS with_amount;
