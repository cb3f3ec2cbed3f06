MATCH (p:Person)-[:CEO_OF]->(:Company) SET p:CEO:Executive RETURN count(DISTINCT p) AS ceos;
MATCH (p:CEO:Executive) RETURN p.name, labels(p) AS labels ORDER BY p.name;
MATCH (p:Person)-[:CEO_OF]->(:Company) SET p:CEO;
