MATCH (c:Company)-[d:INVESTS_IN]->(t)
RETURN c {.name, .*, target: t.name, d, `year`: d.year} AS deal,
       t { } AS nothing,
       {name: 'x'} AS plain
