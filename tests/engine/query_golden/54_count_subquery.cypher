// COUNT { ... }: how many relationships of each kind leave OpenAI, with the
// plain pattern form and the full query form (WITH DISTINCT inside).
MATCH (o:Company {name: 'OpenAI'})
RETURN COUNT { (o)-[:DEVELOPS]->() } AS develops,
       COUNT { MATCH (o)-[:PARTNERS_WITH]-(p) WITH DISTINCT p RETURN p } AS partners,
       COUNT { MATCH (o)<-[:INVESTS_IN]-(i) } AS investments,
       COUNT { MATCH (n:Nothing) } AS none
