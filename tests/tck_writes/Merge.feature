#encoding: utf-8
# Scenarios for MERGE written for ergo from the openCypher 9 specification
# and the Neo4j Cypher manual (not copied from the TCK's own feature files).

Feature: Merge - Matching or creating patterns

  Scenario: [1] Merge creates a node that is not there
    Given an empty graph
    When executing query:
      """
      MERGE (n:A {name: 'a'}) RETURN n
      """
    Then the result should be, in any order:
      | n                 |
      | (:A {name: 'a'}) |
    And the side effects should be:
      | +nodes      | 1 |
      | +labels     | 1 |
      | +properties | 1 |

  Scenario: [2] Merge matches a node that is there
    Given an empty graph
    And having executed:
      """
      CREATE (:A {name: 'a', v: 1})
      """
    When executing query:
      """
      MERGE (n:A {name: 'a'}) RETURN n.v
      """
    Then the result should be, in any order:
      | n.v |
      | 1   |
    And no side effects

  Scenario: [3] Merge returns every match
    Given an empty graph
    And having executed:
      """
      CREATE (:A {v: 1}), (:A {v: 2})
      """
    When executing query:
      """
      MERGE (n:A) RETURN n.v
      """
    Then the result should be, in any order:
      | n.v |
      | 1   |
      | 2   |
    And no side effects

  Scenario: [4] ON CREATE SET runs only when creating
    Given an empty graph
    When executing query:
      """
      MERGE (n:A {name: 'a'}) ON CREATE SET n.created = true ON MATCH SET n.matched = true RETURN n.created, n.matched
      """
    Then the result should be, in any order:
      | n.created | n.matched |
      | true      | null      |
    And the side effects should be:
      | +nodes      | 1 |
      | +labels     | 1 |
      | +properties | 2 |

  Scenario: [5] ON MATCH SET runs only when matching
    Given an empty graph
    And having executed:
      """
      CREATE (:A {name: 'a'})
      """
    When executing query:
      """
      MERGE (n:A {name: 'a'}) ON CREATE SET n.created = true ON MATCH SET n.matched = true RETURN n.created, n.matched
      """
    Then the result should be, in any order:
      | n.created | n.matched |
      | null      | true      |
    And the side effects should be:
      | +properties | 1 |

  Scenario: [6] Each row sees what earlier rows merged
    Given an empty graph
    When executing query:
      """
      UNWIND [1, 2, 1, 3, 2] AS x MERGE (n:N {v: x}) RETURN count(*) AS rows
      """
    Then the result should be, in any order:
      | rows |
      | 5    |
    And the side effects should be:
      | +nodes      | 3 |
      | +labels     | 1 |
      | +properties | 3 |

  Scenario: [7] Merge a relationship between bound nodes
    Given an empty graph
    And having executed:
      """
      CREATE (:A {name: 'a'}), (:B {name: 'b'})
      """
    When executing query:
      """
      MATCH (a:A), (b:B) MERGE (a)-[r:R]->(b) RETURN type(r) AS t
      """
    Then the result should be, in any order:
      | t   |
      | 'R' |
    And the side effects should be:
      | +relationships | 1 |

  Scenario: [8] Merge a relationship that is there
    Given an empty graph
    And having executed:
      """
      CREATE (:A)-[:R {w: 1}]->(:B)
      """
    When executing query:
      """
      MATCH (a:A), (b:B) MERGE (a)-[r:R]->(b) RETURN r.w
      """
    Then the result should be, in any order:
      | r.w |
      | 1   |
    And no side effects

  Scenario: [9] An undirected merge matches either direction
    Given an empty graph
    And having executed:
      """
      CREATE (:A)<-[:R]-(:B)
      """
    When executing query:
      """
      MATCH (a:A), (b:B) MERGE (a)-[r:R]-(b) RETURN count(r) AS c
      """
    Then the result should be, in any order:
      | c |
      | 1 |
    And no side effects

  Scenario: [10] An undirected merge creates left to right
    Given an empty graph
    And having executed:
      """
      CREATE (:A), (:B)
      """
    When executing query:
      """
      MATCH (a:A), (b:B) MERGE (a)-[:R]-(b) WITH count(*) AS c MATCH (x)-[:R]->(y) RETURN labels(x) AS from, labels(y) AS to
      """
    Then the result should be, in any order:
      | from  | to    |
      | ['A'] | ['B'] |
    And the side effects should be:
      | +relationships | 1 |

  Scenario: [11] Merge creates the unbound end of a relationship
    Given an empty graph
    And having executed:
      """
      CREATE (:A {name: 'a'})
      """
    When executing query:
      """
      MATCH (a:A) MERGE (a)-[:HAS]->(c:C {name: 'c'}) RETURN c.name
      """
    Then the result should be, in any order:
      | c.name |
      | 'c'    |
    And the side effects should be:
      | +nodes         | 1 |
      | +relationships | 1 |
      | +labels        | 1 |
      | +properties    | 1 |

  Scenario: [12] Merge of a whole pattern creates all of it when any part is missing
    Given an empty graph
    And having executed:
      """
      CREATE (:A {name: 'a'})
      """
    When executing query:
      """
      MERGE (a:A {name: 'a'})-[:R]->(b:B) RETURN count(*) AS c
      """
    Then the result should be, in any order:
      | c |
      | 1 |
    And the side effects should be:
      | +nodes         | 2 |
      | +relationships | 1 |
      | +labels        | 1 |
      | +properties    | 1 |

  Scenario: [13] Merge after UNWIND, per row, with a relationship
    Given an empty graph
    And having executed:
      """
      CREATE (:Hub)
      """
    When executing query:
      """
      MATCH (h:Hub) UNWIND ['x', 'y', 'x'] AS name MERGE (h)-[:LINK]->(:Leaf {name: name}) RETURN count(*) AS c
      """
    Then the result should be, in any order:
      | c |
      | 3 |
    And the side effects should be:
      | +nodes         | 2 |
      | +relationships | 2 |
      | +labels        | 1 |
      | +properties    | 2 |

  Scenario: [14] Several MERGEs in one statement
    Given an empty graph
    When executing query:
      """
      MERGE (a:P {name: 'a'}) MERGE (b:P {name: 'b'}) MERGE (a)-[:KNOWS]->(b) RETURN a.name, b.name
      """
    Then the result should be, in any order:
      | a.name | b.name |
      | 'a'    | 'b'    |
    And the side effects should be:
      | +nodes         | 2 |
      | +relationships | 1 |
      | +labels        | 1 |
      | +properties    | 2 |

  Scenario: [15] Merge a node with a bound variable fails
    Given an empty graph
    When executing query:
      """
      MATCH (a) MERGE (a)
      """
    Then a SyntaxError should be raised at compile time: VariableAlreadyBound

  Scenario: [16] Merge needs a relationship type
    Given an empty graph
    When executing query:
      """
      MERGE (a)-[r]->(b)
      """
    Then a SyntaxError should be raised at compile time: NoSingleRelationshipType

  Scenario: [17] Merge cannot add labels to a bound node
    Given an empty graph
    When executing query:
      """
      MATCH (a) MERGE (a:L)-[:R]->(b)
      """
    Then a SyntaxError should be raised at compile time: VariableAlreadyBound

  Scenario: [18] Merge cannot make a variable-length relationship
    Given an empty graph
    When executing query:
      """
      MERGE (a)-[:R*2]->(b)
      """
    Then a SyntaxError should be raised at compile time: CreatingVarLength

  Scenario: [19] ON MATCH SET sees the matched element
    Given an empty graph
    And having executed:
      """
      CREATE (:C {n: 1})
      """
    When executing query:
      """
      MERGE (c:C) ON MATCH SET c.n = c.n + 1 RETURN c.n
      """
    Then the result should be, in any order:
      | c.n |
      | 2   |
    And no side effects

  Scenario: [20] Merge a named path
    Given an empty graph
    When executing query:
      """
      MERGE p = (:A)-[:R]->(:B) RETURN length(p) AS l
      """
    Then the result should be, in any order:
      | l |
      | 1 |
    And the side effects should be:
      | +nodes         | 2 |
      | +relationships | 1 |
      | +labels        | 2 |
