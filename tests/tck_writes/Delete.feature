#encoding: utf-8
# Scenarios for DELETE and DETACH DELETE written for ergo from the openCypher
# 9 specification and the Neo4j Cypher manual.

Feature: Delete - Deleting nodes, relationships and paths

  Scenario: [1] Delete a lone node
    Given an empty graph
    And having executed:
      """
      CREATE (:A)
      """
    When executing query:
      """
      MATCH (n:A) DELETE n
      """
    Then the result should be empty
    And the side effects should be:
      | -nodes  | 1 |
      | -labels | 1 |

  Scenario: [2] Delete a relationship
    Given an empty graph
    And having executed:
      """
      CREATE (:A)-[:R]->(:B)
      """
    When executing query:
      """
      MATCH ()-[r:R]->() DELETE r
      """
    Then the result should be empty
    And the side effects should be:
      | -relationships | 1 |

  Scenario: [3] Deleting a connected node fails
    Given an empty graph
    And having executed:
      """
      CREATE (:A)-[:R]->(:B)
      """
    When executing query:
      """
      MATCH (n:A) DELETE n
      """
    Then a ConstraintValidationFailed should be raised at runtime: DeleteConnectedNode

  Scenario: [4] Delete a node with its relationship, listed in either order
    Given an empty graph
    And having executed:
      """
      CREATE (:A)-[:R]->(:B)
      """
    When executing query:
      """
      MATCH (n:A)-[r]->() DELETE n, r
      """
    Then the result should be empty
    And the side effects should be:
      | -nodes         | 1 |
      | -relationships | 1 |
      | -labels        | 1 |

  Scenario: [5] DETACH DELETE removes the relationships too
    Given an empty graph
    And having executed:
      """
      CREATE (a:A), (b:B), (a)-[:R]->(b), (b)-[:S]->(a), (a)-[:T]->(a)
      """
    When executing query:
      """
      MATCH (n:A) DETACH DELETE n
      """
    Then the result should be empty
    And the side effects should be:
      | -nodes         | 1 |
      | -relationships | 3 |
      | -labels        | 1 |

  Scenario: [6] Delete a path
    Given an empty graph
    And having executed:
      """
      CREATE (:A)-[:R]->(:B)-[:R]->(:C)
      """
    When executing query:
      """
      MATCH p = (:A)-[:R*]->(:C) DELETE p
      """
    Then the result should be empty
    And the side effects should be:
      | -nodes         | 3 |
      | -relationships | 2 |
      | -labels        | 3 |

  Scenario: [7] Deleting null does nothing
    Given an empty graph
    When executing query:
      """
      OPTIONAL MATCH (n:Missing) DELETE n RETURN n
      """
    Then the result should be, in any order:
      | n    |
      | null |
    And no side effects

  Scenario: [8] The same node deleted from several rows counts once
    Given an empty graph
    And having executed:
      """
      CREATE (a:A), (a)-[:R]->(), (a)-[:R]->()
      """
    When executing query:
      """
      MATCH (a:A)-[:R]->(b) DETACH DELETE a RETURN count(*) AS c
      """
    Then the result should be, in any order:
      | c |
      | 2 |
    And the side effects should be:
      | -nodes         | 1 |
      | -relationships | 2 |
      | -labels        | 1 |

  Scenario: [9] Deleted nodes are not found by a later MATCH
    Given an empty graph
    And having executed:
      """
      CREATE (:A {name: 'x'}), (:A {name: 'y'})
      """
    When executing query:
      """
      MATCH (n:A {name: 'x'}) DELETE n WITH count(*) AS c MATCH (m) RETURN m.name
      """
    Then the result should be, in any order:
      | m.name |
      | 'y'    |
    And the side effects should be:
      | -nodes      | 1 |
      | -properties | 1 |

  Scenario: [10] Reading a property of a deleted node fails
    Given an empty graph
    And having executed:
      """
      CREATE (:A {name: 'x'})
      """
    When executing query:
      """
      MATCH (n:A) DELETE n RETURN n.name
      """
    Then a EntityNotFound should be raised at runtime: DeletedEntityAccess

  Scenario: [11] Deleting a number fails
    Given an empty graph
    When executing query:
      """
      WITH 1 AS x DELETE x
      """
    Then a SyntaxError should be raised at compile time: InvalidArgumentType

  Scenario: [12] Relationships deleted in one clause are gone for the next
    Given an empty graph
    And having executed:
      """
      CREATE (a:A), (a)-[:R]->(:B), (a)-[:S]->(:C)
      """
    When executing query:
      """
      MATCH (:A)-[r:R]->() DELETE r WITH count(*) AS c MATCH (:A)-[s]->(x) RETURN type(s) AS t, labels(x) AS l
      """
    Then the result should be, in any order:
      | t   | l     |
      | 'S' | ['C'] |
    And the side effects should be:
      | -relationships | 1 |

  Scenario: [13] A failed DELETE leaves the graph as it was
    Given an empty graph
    And having executed:
      """
      CREATE (:A {v: 1})-[:R]->(:B)
      """
    When executing query:
      """
      MATCH (n:A) SET n.v = 2, n:X DELETE n
      """
    Then a ConstraintValidationFailed should be raised at runtime: DeleteConnectedNode

  Scenario: [14] Relationships of a deleted node are not expanded over
    Given an empty graph
    And having executed:
      """
      CREATE (:A)-[:R]->(b:B), (:C)-[:R]->(b)
      """
    When executing query:
      """
      MATCH (a:A) DETACH DELETE a WITH count(*) AS c MATCH (x)-[:R]->(:B) RETURN labels(x) AS l
      """
    Then the result should be, in any order:
      | l     |
      | ['C'] |
    And the side effects should be:
      | -nodes         | 1 |
      | -relationships | 1 |
      | -labels        | 1 |

  Scenario: [15] Delete every node
    Given an empty graph
    And having executed:
      """
      CREATE (:A)-[:R]->(:B), (:C)
      """
    When executing query:
      """
      MATCH (n) DETACH DELETE n RETURN count(*) AS deleted
      """
    Then the result should be, in any order:
      | deleted |
      | 3       |
    And the side effects should be:
      | -nodes         | 3 |
      | -relationships | 1 |
      | -labels        | 3 |
