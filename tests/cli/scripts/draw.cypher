MATCH p = (:Person)-[:FOUNDED]->(:Company)
RETURN p;
:render founders.svg
MATCH p = (:Company)-[:INVESTS_IN]->() RETURN p;
:render investors.pdf sfdp
