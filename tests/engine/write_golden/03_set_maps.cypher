MATCH (c:Company {name: 'Tesla'}) SET c += {industry: 'cars', ticker: 'TSLA'} RETURN properties(c) AS props;
MATCH (c:Company {name: 'Tesla'}) SET c = {name: 'Tesla, Inc.'} RETURN properties(c) AS props;
CALL ergo.find('테슬라') YIELD node RETURN node.name;
CALL ergo.find('tesla, inc.') YIELD node RETURN node.name;
