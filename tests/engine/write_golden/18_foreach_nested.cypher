FOREACH (company IN ['Acme', 'Globex'] | CREATE (c:Company {name: company}) FOREACH (year IN [2024, 2025] | CREATE (c)-[:REPORTED]->(:Report {year: year})));
MATCH (c:Company)-[:REPORTED]->(r:Report) RETURN c.name, r.year ORDER BY c.name, r.year;
