#encoding: utf-8
# Scenarios for REMOVE written for ergo from the openCypher 9 specification
# and the Neo4j Cypher manual.

Feature: Remove - Removing properties and labels

  Scenario: [1] Remove a property
    Given an empty graph
    And having executed:
      """
      CREATE (:A {name: 'a', age: 1})
      """
    When executing query:
      """
      MATCH (n:A) REMOVE n.age RETURN n.age
      """
    Then the result should be, in any order:
      | n.age |
      | null  |
    And the side effects should be:
      | -properties | 1 |

  Scenario: [2] Removing a missing property changes nothing
    Given an empty graph
    And having executed:
      """
      CREATE (:A {name: 'a'})
      """
    When executing query:
      """
      MATCH (n:A) REMOVE n.nothing RETURN n.name
      """
    Then the result should be, in any order:
      | n.name |
      | 'a'    |
    And no side effects

  Scenario: [3] Remove a label
    Given an empty graph
    And having executed:
      """
      CREATE (:A:B)
      """
    When executing query:
      """
      MATCH (n:A) REMOVE n:B RETURN labels(n) AS l
      """
    Then the result should be, in any order:
      | l     |
      | ['A'] |
    And the side effects should be:
      | -labels | 1 |

  Scenario: [4] Remove several labels, one of them missing
    Given an empty graph
    And having executed:
      """
      CREATE (:A:B:C)
      """
    When executing query:
      """
      MATCH (n:A) REMOVE n:B:C:D RETURN labels(n) AS l
      """
    Then the result should be, in any order:
      | l     |
      | ['A'] |
    And the side effects should be:
      | -labels | 2 |

  Scenario: [5] A removed label is not found by a later MATCH
    Given an empty graph
    And having executed:
      """
      CREATE (:A:B {name: 'x'}), (:B {name: 'y'})
      """
    When executing query:
      """
      MATCH (n:A) REMOVE n:B WITH count(*) AS c MATCH (m:B) RETURN m.name
      """
    Then the result should be, in any order:
      | m.name |
      | 'y'    |
    And no side effects

  Scenario: [6] Remove a relationship property
    Given an empty graph
    And having executed:
      """
      CREATE (:A)-[:R {w: 1}]->(:B)
      """
    When executing query:
      """
      MATCH ()-[r:R]->() REMOVE r.w RETURN r
      """
    Then the result should be, in any order:
      | r    |
      | [:R] |
    And the side effects should be:
      | -properties | 1 |

  Scenario: [7] REMOVE on null does nothing
    Given an empty graph
    When executing query:
      """
      OPTIONAL MATCH (n:Missing) REMOVE n.p, n:L RETURN n
      """
    Then the result should be, in any order:
      | n    |
      | null |
    And no side effects
