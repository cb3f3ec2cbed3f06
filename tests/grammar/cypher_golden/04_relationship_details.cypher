MATCH (a)-[r:KNOWS {since: 2020}]->(b)<-[:LIKES|LOVES]-(c)-[:A|:B]-(d)
RETURN r, type(r)
