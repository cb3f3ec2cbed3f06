#encoding: utf-8
# Scenarios for FOREACH written for ergo from the openCypher 9 specification
# and the Neo4j Cypher manual's FOREACH page (not copied from any TCK
# feature file). FOREACH runs updating clauses once per list element; it
# returns nothing of its own and binds nothing after it.

Feature: Foreach - Updating once per list element

  Scenario: [1] Create a node per element
    Given an empty graph
    When executing query:
      """
      FOREACH (x IN [1, 2, 3] | CREATE (:N {v: x}))
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 3 |
      | +labels     | 1 |
      | +properties | 3 |

  Scenario: [2] What FOREACH created is there afterwards
    Given an empty graph
    And having executed:
      """
      FOREACH (x IN ['a', 'b'] | CREATE (:N {name: x}))
      """
    When executing query:
      """
      MATCH (n:N) RETURN n.name
      """
    Then the result should be, in any order:
      | n.name |
      | 'a'    |
      | 'b'    |
    And no side effects

  Scenario: [3] Set a property on every node of a path
    Given an empty graph
    And having executed:
      """
      CREATE (:A {name: 'a'})-[:R]->(:B {name: 'b'})-[:R]->(:C {name: 'c'})
      """
    When executing query:
      """
      MATCH p = (:A)-[:R*]->(:C)
      FOREACH (n IN nodes(p) | SET n.marked = true)
      RETURN [n IN nodes(p) | n.marked] AS marks
      """
    Then the result should be, in any order:
      | marks              |
      | [true, true, true] |
    And the side effects should be:
      | +properties | 3 |

  Scenario: [4] Variables from outside are visible inside
    Given an empty graph
    And having executed:
      """
      CREATE (:Root)
      """
    When executing query:
      """
      MATCH (r:Root)
      FOREACH (x IN range(1, 3) | CREATE (r)-[:HAS]->(:Leaf {v: x}))
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes         | 3 |
      | +relationships | 3 |
      | +labels        | 1 |
      | +properties    | 3 |

  Scenario: [5] FOREACH runs once per incoming row
    Given an empty graph
    When executing query:
      """
      UNWIND ['a', 'b'] AS row
      FOREACH (x IN [1, 2] | CREATE (:N {row: row, v: x}))
      RETURN row
      """
    Then the result should be, in any order:
      | row |
      | 'a' |
      | 'b' |
    And the side effects should be:
      | +nodes      | 4 |
      | +labels     | 1 |
      | +properties | 8 |

  Scenario: [6] A null list means no iterations
    Given an empty graph
    When executing query:
      """
      FOREACH (x IN null | CREATE (:N))
      RETURN 1 AS one
      """
    Then the result should be, in any order:
      | one |
      | 1   |
    And no side effects

  Scenario: [7] An empty list means no iterations, and the row goes on
    Given an empty graph
    When executing query:
      """
      WITH 5 AS five
      FOREACH (x IN [] | CREATE (:N))
      RETURN five
      """
    Then the result should be, in any order:
      | five |
      | 5    |
    And no side effects

  Scenario: [8] MERGE inside FOREACH sees what earlier iterations made
    Given an empty graph
    When executing query:
      """
      FOREACH (name IN ['a', 'b', 'a', 'c', 'b'] | MERGE (:Tag {name: name}))
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 3 |
      | +labels     | 1 |
      | +properties | 3 |

  Scenario: [9] Nested FOREACH
    Given an empty graph
    When executing query:
      """
      FOREACH (i IN [1, 2] | FOREACH (j IN [10, 20, 30] | CREATE (:P {v: i * j})))
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 6 |
      | +labels     | 1 |
      | +properties | 6 |

  Scenario: [10] Several updating clauses in one body, in order
    Given an empty graph
    When executing query:
      """
      FOREACH (x IN [1, 2] | CREATE (n:N {v: x}) SET n.double = x * 2 REMOVE n:N SET n:M)
      WITH 1 AS ignored
      MATCH (m:M) RETURN m.v, m.double ORDER BY m.v
      """
    Then the result should be, in order:
      | m.v | m.double |
      | 1   | 2        |
      | 2   | 4        |
    And the side effects should be:
      | +nodes      | 2 |
      | +labels     | 1 |
      | +properties | 4 |

  Scenario: [11] DETACH DELETE inside FOREACH
    Given an empty graph
    And having executed:
      """
      CREATE (:A)-[:R]->(:B)-[:R]->(:C), (:D)
      """
    When executing query:
      """
      MATCH p = (:A)-[:R*2]->(:C)
      FOREACH (n IN nodes(p) | DETACH DELETE n)
      """
    Then the result should be empty
    And the side effects should be:
      | -nodes         | 3 |
      | -relationships | 2 |
      | -labels        | 3 |

  Scenario: [12] DELETE of relationships from a list
    Given an empty graph
    And having executed:
      """
      CREATE (a:A)-[:R]->(:B), (a)-[:R]->(:C), (a)-[:S]->(:D)
      """
    When executing query:
      """
      MATCH (a:A)-[r:R]->()
      WITH collect(r) AS rs
      FOREACH (r IN rs | DELETE r)
      """
    Then the result should be empty
    And the side effects should be:
      | -relationships | 2 |

  Scenario: [13] A parameter list
    Given an empty graph
    And parameters are:
      | names | ['x', 'y'] |
    When executing query:
      """
      FOREACH (name IN $names | CREATE (:N {name: name}))
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 2 |
      | +labels     | 1 |
      | +properties | 2 |

  Scenario: [14] The loop variable is not visible after FOREACH
    Given an empty graph
    When executing query:
      """
      FOREACH (x IN [1] | CREATE (:N)) RETURN x
      """
    Then a SyntaxError should be raised at compile time: UndefinedVariable

  Scenario: [15] A variable created inside is not visible after FOREACH
    Given an empty graph
    When executing query:
      """
      FOREACH (x IN [1] | CREATE (n:N)) RETURN n
      """
    Then a SyntaxError should be raised at compile time: UndefinedVariable

  Scenario: [16] MATCH inside FOREACH is refused
    Given any graph
    When executing query:
      """
      FOREACH (x IN [1] | MATCH (n) SET n.v = x)
      """
    Then a SyntaxError should be raised at compile time: InvalidClauseComposition

  Scenario: [17] RETURN inside FOREACH is refused
    Given any graph
    When executing query:
      """
      FOREACH (x IN [1] | CREATE (n) RETURN n)
      """
    Then a SyntaxError should be raised at compile time: InvalidClauseComposition

  Scenario: [18] A list expression that cannot be a list is refused
    Given any graph
    When executing query:
      """
      FOREACH (x IN 42 | CREATE ())
      """
    Then a SyntaxError should be raised at compile time: InvalidArgumentType

  Scenario: [19] A failure in a later iteration leaves nothing behind
    Given an empty graph
    When executing query:
      """
      FOREACH (x IN [1, 2, 0] | CREATE (:N {v: 10 / x}))
      """
    Then an ArgumentError should be raised at runtime: DivisionByZero
    When executing control query:
      """
      MATCH (n) RETURN count(n) AS nodes
      """
    Then the result should be, in any order:
      | nodes |
      | 0     |

  Scenario: [20] The loop variable may shadow an outer variable inside
    Given an empty graph
    When executing query:
      """
      WITH 'outer' AS x
      FOREACH (x IN ['inner'] | CREATE (:N {v: x}))
      RETURN x
      """
    Then the result should be, in any order:
      | x       |
      | 'outer' |
    And the side effects should be:
      | +nodes      | 1 |
      | +labels     | 1 |
      | +properties | 1 |

  Scenario: [21] FOREACH's writes are seen by the clauses after it
    Given an empty graph
    When executing query:
      """
      CREATE (a:A)
      FOREACH (x IN [1, 2] | CREATE (a)-[:R {v: x}]->(:B))
      WITH a
      MATCH (a)-[r:R]->(b:B) RETURN r.v ORDER BY r.v
      """
    Then the result should be, in order:
      | r.v |
      | 1   |
      | 2   |
    And the side effects should be:
      | +nodes         | 3 |
      | +relationships | 2 |
      | +labels        | 2 |
      | +properties    | 2 |

  Scenario: [22] A single value that is not a list is iterated once, as Neo4j does
    Given an empty graph
    And parameters are:
      | one | 1 |
    When executing query:
      """
      FOREACH (x IN $one | CREATE (:N {v: x}))
      WITH 1 AS ignored
      MATCH (n:N) RETURN n.v
      """
    Then the result should be, in any order:
      | n.v |
      | 1   |
    And the side effects should be:
      | +nodes      | 1 |
      | +labels     | 1 |
      | +properties | 1 |
