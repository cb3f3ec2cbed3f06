// :import inside a script, then a query on what it added.
:import --nodes tests/cli/data/csv/people.csv --relationships tests/cli/data/csv/works.csv
MATCH (p:Person)-[r]->(m:Machine) RETURN p.name, type(r), r.since, m.name ORDER BY p.name;
