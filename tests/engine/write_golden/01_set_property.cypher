MATCH (c:Company {name: 'Tesla'}) SET c.hq = 'Austin', c.founded = 2003 RETURN c.name, c.hq, c.founded, c.industry;
MATCH (c:Company) WHERE c.hq IS NOT NULL RETURN c.name, c.hq;
