// Who invested in OpenAI?
MATCH (investor)   -[r:INVESTS_IN]->  (:Company {name: 'OpenAI'}) /* the target */
RETURN investor.name AS investor, // the name
       r.amount   AS amount
	ORDER BY investor  // tabs and trailing comments
