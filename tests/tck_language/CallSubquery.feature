#encoding: utf-8
# Scenarios for CALL { ... } subqueries and UNION inside EXISTS, COUNT and
# COLLECT, written for ergo from the semantics Neo4j's Cypher manual
# describes; not copied from any TCK feature file.

Feature: CallSubquery - CALL { ... } subqueries

  Background:
    Given an empty graph
    And having executed:
      """
      CREATE (a:Person {name: 'Ann', age: 30}), (b:Person {name: 'Bob', age: 40}), (c:Person {name: 'Cid', age: 50}),
             (d:Dog {name: 'Rex'}), (e:Dog {name: 'Ace'}),
             (a)-[:OWNS]->(d), (a)-[:OWNS]->(e), (b)-[:OWNS]->(e), (a)-[:KNOWS]->(b), (b)-[:KNOWS]->(c)
      """

  Scenario: [1] An uncorrelated subquery runs once per row
    When executing query:
      """
      UNWIND [0, 1, 2] AS x CALL { RETURN 'hello' AS inner } RETURN x, inner
      """
    Then the result should be, in order:
      | x | inner   |
      | 0 | 'hello' |
      | 1 | 'hello' |
      | 2 | 'hello' |
    And no side effects

  Scenario: [2] An importing WITH correlates the subquery, which aggregates per row
    When executing query:
      """
      MATCH (p:Person)
      CALL { WITH p MATCH (p)-[:OWNS]->(d) RETURN count(d) AS dogs }
      RETURN p.name AS name, dogs ORDER BY name
      """
    Then the result should be, in order:
      | name  | dogs |
      | 'Ann' | 2    |
      | 'Bob' | 1    |
      | 'Cid' | 0    |
    And no side effects

  Scenario: [3] A scope clause imports the variables it lists
    When executing query:
      """
      MATCH (p:Person) WHERE p.name <> 'Cid'
      CALL (p) { MATCH (p)-[:OWNS]->(d) RETURN d.name AS dog ORDER BY dog LIMIT 1 }
      RETURN p.name AS name, dog ORDER BY name
      """
    Then the result should be, in order:
      | name  | dog   |
      | 'Ann' | 'Ace' |
      | 'Bob' | 'Ace' |
    And no side effects

  Scenario: [4] A row the subquery gives nothing for is dropped
    When executing query:
      """
      MATCH (p:Person) CALL (p) { MATCH (p)-[:OWNS]->(d) RETURN d } RETURN p.name AS name, d.name AS dog
      """
    Then the result should be, in any order:
      | name  | dog   |
      | 'Ann' | 'Rex' |
      | 'Ann' | 'Ace' |
      | 'Bob' | 'Ace' |
    And no side effects

  Scenario: [5] UNION inside removes repeats per row, UNION ALL keeps them
    When executing query:
      """
      MATCH (p:Person {name: 'Bob'})
      CALL (p) {
        MATCH (p)-[:KNOWS]-(q) RETURN q.name AS other
        UNION
        MATCH (p)-[:KNOWS]-(q) RETURN q.name AS other
      }
      CALL (p) {
        MATCH (p)-[:OWNS]->(d) RETURN d.name AS thing
        UNION ALL
        MATCH (p)-[:OWNS]->(d) RETURN d.name AS thing
      }
      RETURN other, count(thing) AS things ORDER BY other
      """
    Then the result should be, in order:
      | other | things |
      | 'Ann' | 2      |
      | 'Cid' | 2      |
    And no side effects

  Scenario: [6] CALL (*) imports every variable
    When executing query:
      """
      UNWIND [1, 2] AS x WITH x, x * 10 AS y CALL (*) { RETURN x + y AS z } RETURN z
      """
    Then the result should be, in order:
      | z  |
      | 11 |
      | 22 |
    And no side effects

  Scenario: [7] Each run sees the writes of the runs before it, and later clauses see them all
    Given having executed:
      """
      CREATE (:Counter {count: 0})
      """
    When executing query:
      """
      UNWIND [0, 1, 2] AS x
      CALL { MATCH (n:Counter) SET n.count = n.count + 1 RETURN n.count AS innerCount }
      WITH innerCount MATCH (n:Counter)
      RETURN innerCount, n.count AS totalCount
      """
    Then the result should be, in order:
      | innerCount | totalCount |
      | 1          | 3          |
      | 2          | 3          |
      | 3          | 3          |

  Scenario: [8] A unit subquery changes the graph and keeps each row once
    When executing query:
      """
      MATCH (p:Person) CALL (p) { UNWIND [1, 2] AS i CREATE (p)-[:HAS]->(:Note {i: i}) } RETURN count(*) AS people
      """
    Then the result should be, in any order:
      | people |
      | 3      |
    And the side effects should be:
      | +nodes         | 6 |
      | +relationships | 6 |
      | +labels        | 1 |
      | +properties    | 6 |

  Scenario: [9] A query may end with a unit subquery
    When executing query:
      """
      MATCH (d:Dog) CALL (d) { DETACH DELETE d }
      """
    Then the result should be empty
    And the side effects should be:
      | -nodes         | 2 |
      | -relationships | 3 |
      | -labels        | 1 |
      | -properties    | 2 |

  Scenario: [10] IN TRANSACTIONS runs the writes
    When executing query:
      """
      UNWIND range(1, 5) AS i CALL (i) { CREATE (:Tmp {i: i}) } IN TRANSACTIONS OF 2 ROWS
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 5 |
      | +labels     | 1 |
      | +properties | 5 |

  Scenario: [11] Nested subqueries
    When executing query:
      """
      CALL { CALL { RETURN 1 AS a } RETURN a + 1 AS b } RETURN b
      """
    Then the result should be, in order:
      | b |
      | 2 |
    And no side effects

  Scenario: [12] A subquery does not see what it does not import
    When executing query:
      """
      MATCH (p:Person) CALL { RETURN p.name AS n } RETURN n
      """
    Then a SyntaxError should be raised at compile time: UndefinedVariable

  Scenario: [13] An importing WITH takes no expressions
    When executing query:
      """
      MATCH (p:Person) CALL { WITH p.name AS n RETURN n } RETURN n
      """
    Then a SyntaxError should be raised at compile time: InvalidImportingWith

  Scenario: [14] An importing WITH takes no WHERE
    When executing query:
      """
      MATCH (p:Person) CALL { WITH p WHERE p.age > 35 RETURN p.name AS n } RETURN n
      """
    Then a SyntaxError should be raised at compile time: InvalidImportingWith

  Scenario: [15] A subquery cannot return a variable the query already has
    When executing query:
      """
      MATCH (p:Person) CALL { WITH p RETURN p } RETURN p
      """
    Then a SyntaxError should be raised at compile time: VariableAlreadyBound

  Scenario: [16] The parts of a UNION inside return the same columns
    When executing query:
      """
      CALL { RETURN 1 AS a UNION RETURN 2 AS b } RETURN a
      """
    Then a SyntaxError should be raised at compile time: DifferentColumnsInUnion

  Scenario: [17] A query cannot end with a subquery that returns rows
    When executing query:
      """
      MATCH (p:Person) CALL (p) { RETURN p.name AS n }
      """
    Then a SyntaxError should be raised at compile time: UnexpectedSyntax

  Scenario: [18] COUNT and COLLECT over a UNION
    When executing query:
      """
      MATCH (p:Person {name: 'Bob'})
      RETURN COUNT { MATCH (p)-[:KNOWS]->(q) RETURN q UNION MATCH (p)<-[:KNOWS]-(q) RETURN q } AS known,
             COLLECT { MATCH (p)-[:OWNS]->(d) RETURN d.name AS n UNION ALL MATCH (p)-[:OWNS]->(d) RETURN d.name AS n } AS dogs,
             EXISTS { MATCH (p)-[:OWNS]->(d:Person) RETURN d UNION MATCH (p)-[:KNOWS]->(d:Person) RETURN d } AS any
      """
    Then the result should be, in any order:
      | known | dogs           | any  |
      | 2     | ['Ace', 'Ace'] | true |
    And no side effects
