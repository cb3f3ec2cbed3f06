#encoding: utf-8
# Scenarios for SET written for ergo from the openCypher 9 specification and
# the Neo4j Cypher manual (not copied from the TCK's own feature files).
# Side effects are the runner's: net changes in node, relationship, label
# and property counts.

Feature: Set - Setting properties and labels

  Scenario: [1] Set a property on a node
    Given an empty graph
    And having executed:
      """
      CREATE (:A {name: 'a'})
      """
    When executing query:
      """
      MATCH (n:A) SET n.age = 42 RETURN n.name, n.age
      """
    Then the result should be, in any order:
      | n.name | n.age |
      | 'a'    | 42    |
    And the side effects should be:
      | +properties | 1 |

  Scenario: [2] Setting a property to null removes it
    Given an empty graph
    And having executed:
      """
      CREATE (:A {name: 'a', age: 1})
      """
    When executing query:
      """
      MATCH (n:A) SET n.age = null RETURN n
      """
    Then the result should be, in any order:
      | n                 |
      | (:A {name: 'a'}) |
    And the side effects should be:
      | -properties | 1 |

  Scenario: [3] Set a property on a relationship
    Given an empty graph
    And having executed:
      """
      CREATE (:A)-[:R]->(:B)
      """
    When executing query:
      """
      MATCH ()-[r:R]->() SET r.weight = 0.5 RETURN r
      """
    Then the result should be, in any order:
      | r                     |
      | [:R {weight: 0.5}]    |
    And the side effects should be:
      | +properties | 1 |

  Scenario: [4] Set a property from an expression over the same node
    Given an empty graph
    And having executed:
      """
      CREATE ({n: 1}), ({n: 2})
      """
    When executing query:
      """
      MATCH (x) SET x.n = x.n * 10 RETURN x.n AS n
      """
    Then the result should be, in any order:
      | n  |
      | 10 |
      | 20 |
    And no side effects

  Scenario: [5] Later items of one SET see earlier ones
    Given an empty graph
    And having executed:
      """
      CREATE (:A)
      """
    When executing query:
      """
      MATCH (n:A) SET n.a = 1, n.b = n.a + 1 RETURN n.a, n.b
      """
    Then the result should be, in any order:
      | n.a | n.b |
      | 1   | 2   |
    And the side effects should be:
      | +properties | 2 |

  Scenario: [6] Set a list property
    Given an empty graph
    And having executed:
      """
      CREATE (:A)
      """
    When executing query:
      """
      MATCH (n:A) SET n.xs = [1, 2, 3] RETURN n.xs
      """
    Then the result should be, in any order:
      | n.xs      |
      | [1, 2, 3] |
    And the side effects should be:
      | +properties | 1 |

  Scenario: [7] Replace all properties with a map
    Given an empty graph
    And having executed:
      """
      CREATE (:A {name: 'a', age: 1, x: true})
      """
    When executing query:
      """
      MATCH (n:A) SET n = {name: 'b', size: 3} RETURN n.name, n.age, n.size, n.x
      """
    Then the result should be, in any order:
      | n.name | n.age | n.size | n.x  |
      | 'b'    | null  | 3      | null |
    And the side effects should be:
      | -properties | 1 |

  Scenario: [8] Replace properties with an empty map removes them all
    Given an empty graph
    And having executed:
      """
      CREATE (:A {name: 'a', age: 1})
      """
    When executing query:
      """
      MATCH (n:A) SET n = {} RETURN keys(n) AS k
      """
    Then the result should be, in any order:
      | k  |
      | [] |
    And the side effects should be:
      | -properties | 2 |

  Scenario: [9] Merge a map into the properties
    Given an empty graph
    And having executed:
      """
      CREATE (:A {name: 'a', age: 1})
      """
    When executing query:
      """
      MATCH (n:A) SET n += {age: 2, size: 3} RETURN n.name, n.age, n.size
      """
    Then the result should be, in any order:
      | n.name | n.age | n.size |
      | 'a'    | 2     | 3      |
    And the side effects should be:
      | +properties | 1 |

  Scenario: [10] A null in a merged map removes that property
    Given an empty graph
    And having executed:
      """
      CREATE (:A {name: 'a', age: 1})
      """
    When executing query:
      """
      MATCH (n:A) SET n += {age: null} RETURN keys(n) AS k
      """
    Then the result should be, in any order:
      | k        |
      | ['name'] |
    And the side effects should be:
      | -properties | 1 |

  Scenario: [11] Copy the properties of another node
    Given an empty graph
    And having executed:
      """
      CREATE (:A {name: 'a', age: 1}), (:B {name: 'b'})
      """
    When executing query:
      """
      MATCH (a:A), (b:B) SET b = a RETURN b.name, b.age
      """
    Then the result should be, in any order:
      | b.name | b.age |
      | 'a'    | 1     |
    And the side effects should be:
      | +properties | 1 |

  Scenario: [12] Add labels
    Given an empty graph
    And having executed:
      """
      CREATE (:A)
      """
    When executing query:
      """
      MATCH (n:A) SET n:B:C RETURN labels(n) AS l
      """
    Then the result should be, in any order:
      | l               |
      | ['A', 'B', 'C'] |
    And the side effects should be:
      | +labels | 2 |

  Scenario: [13] Adding a label the node has changes nothing
    Given an empty graph
    And having executed:
      """
      CREATE (:A)
      """
    When executing query:
      """
      MATCH (n:A) SET n:A RETURN labels(n) AS l
      """
    Then the result should be, in any order:
      | l     |
      | ['A'] |
    And no side effects

  Scenario: [14] A label set is visible to a later MATCH
    Given an empty graph
    And having executed:
      """
      CREATE (:A {name: 'x'}), (:A {name: 'y'})
      """
    When executing query:
      """
      MATCH (n:A {name: 'x'}) SET n:Chosen WITH count(*) AS c MATCH (m:Chosen) RETURN m.name
      """
    Then the result should be, in any order:
      | m.name |
      | 'x'    |
    And the side effects should be:
      | +labels | 1 |

  Scenario: [15] SET on null does nothing
    Given an empty graph
    When executing query:
      """
      OPTIONAL MATCH (n:Missing) SET n.p = 1, n:L RETURN n
      """
    Then the result should be, in any order:
      | n    |
      | null |
    And no side effects

  Scenario: [16] SET a property of a non-element fails
    Given an empty graph
    When executing query:
      """
      WITH 1 AS x SET x.p = 1
      """
    Then a SyntaxError should be raised at compile time: InvalidArgumentType

  Scenario: [17] SET a map as a property value fails
    Given an empty graph
    And having executed:
      """
      CREATE (:A)
      """
    When executing query:
      """
      MATCH (n:A) SET n.p = {a: 1}
      """
    Then a TypeError should be raised at runtime: InvalidPropertyType

  Scenario: [18] SET on an undefined variable fails
    Given an empty graph
    When executing query:
      """
      SET n.p = 1
      """
    Then a SyntaxError should be raised at compile time: UndefinedVariable

  Scenario: [19] SET a property of a relationship by its map
    Given an empty graph
    And having executed:
      """
      CREATE (:A)-[:R {a: 1}]->(:B)
      """
    When executing query:
      """
      MATCH ()-[r:R]->() SET r += {b: 2} RETURN r.a, r.b
      """
    Then the result should be, in any order:
      | r.a | r.b |
      | 1   | 2   |
    And the side effects should be:
      | +properties | 1 |

  Scenario: [20] SET after UNWIND applies per row, in order
    Given an empty graph
    And having executed:
      """
      CREATE (:Counter {n: 0})
      """
    When executing query:
      """
      UNWIND [1, 2, 3] AS i MATCH (c:Counter) SET c.n = c.n + i RETURN max(c.n) AS n
      """
    Then the result should be, in any order:
      | n |
      | 6 |
    And no side effects

  Scenario: [21] Labels of a relationship cannot be set
    Given an empty graph
    When executing query:
      """
      MATCH ()-[r]->() SET r:L
      """
    Then a SyntaxError should be raised at compile time: InvalidArgumentType
