#encoding: utf-8
# Scenarios for EXISTS, COUNT and COLLECT subqueries, written for ergo from
# Neo4j's Cypher manual; not copied from the TCK's own feature files.

Feature: Subqueries - EXISTS, COUNT and COLLECT

  Background:
    Given an empty graph
    And having executed:
      """
      CREATE (a:Person {name: 'Ann'}), (b:Person {name: 'Bob'}), (c:Person {name: 'Cid'}),
             (d:Dog {name: 'Rex'}), (e:Dog {name: 'Ace'}),
             (a)-[:OWNS]->(d), (a)-[:OWNS]->(e), (b)-[:OWNS]->(e), (a)-[:KNOWS]->(b), (b)-[:KNOWS]->(c)
      """

  Scenario: [1] EXISTS with a pattern
    When executing query:
      """
      MATCH (p:Person) WHERE EXISTS { (p)-[:OWNS]->(:Dog) } RETURN p.name AS name ORDER BY name
      """
    Then the result should be, in order:
      | name  |
      | 'Ann' |
      | 'Bob' |
    And no side effects

  Scenario: [2] EXISTS with a pattern and WHERE
    When executing query:
      """
      MATCH (p:Person) WHERE EXISTS { (p)-[:OWNS]->(d:Dog) WHERE d.name = 'Rex' } RETURN p.name AS name
      """
    Then the result should be, in any order:
      | name  |
      | 'Ann' |
    And no side effects

  Scenario: [3] NOT EXISTS with a full query
    When executing query:
      """
      MATCH (p:Person) WHERE NOT EXISTS { MATCH (p)-[:OWNS]->(d) RETURN d } RETURN p.name AS name
      """
    Then the result should be, in any order:
      | name  |
      | 'Cid' |
    And no side effects

  Scenario: [4] Nested EXISTS
    When executing query:
      """
      MATCH (p:Person)
      WHERE EXISTS { MATCH (p)-[:KNOWS]->(q) WHERE EXISTS { (q)-[:OWNS]->() } }
      RETURN p.name AS name
      """
    Then the result should be, in any order:
      | name  |
      | 'Ann' |
    And no side effects

  Scenario: [5] EXISTS as a returned value
    When executing query:
      """
      MATCH (p:Person) RETURN p.name AS name, EXISTS { (p)-[:KNOWS]->() } AS knows ORDER BY name
      """
    Then the result should be, in order:
      | name  | knows |
      | 'Ann' | true  |
      | 'Bob' | true  |
      | 'Cid' | false |
    And no side effects

  Scenario: [6] COUNT of a pattern
    When executing query:
      """
      MATCH (p:Person) RETURN p.name AS name, COUNT { (p)-[:OWNS]->() } AS dogs ORDER BY name
      """
    Then the result should be, in order:
      | name  | dogs |
      | 'Ann' | 2    |
      | 'Bob' | 1    |
      | 'Cid' | 0    |
    And no side effects

  Scenario: [7] COUNT in WHERE, with a full query
    When executing query:
      """
      MATCH (d:Dog) WHERE COUNT { MATCH (o)-[:OWNS]->(d) RETURN o } > 1 RETURN d.name AS name
      """
    Then the result should be, in any order:
      | name  |
      | 'Ace' |
    And no side effects

  Scenario: [8] COLLECT the names of the dogs
    When executing query:
      """
      MATCH (p:Person)
      RETURN p.name AS name, COLLECT { MATCH (p)-[:OWNS]->(d) RETURN d.name ORDER BY d.name } AS dogs
      ORDER BY name
      """
    Then the result should be, in order:
      | name  | dogs           |
      | 'Ann' | ['Ace', 'Rex'] |
      | 'Bob' | ['Ace']        |
      | 'Cid' | []             |
    And no side effects

  Scenario: [9] COLLECT must return one column
    When executing query:
      """
      MATCH (p:Person) RETURN COLLECT { MATCH (p)-->(d) RETURN d.name, d } AS x
      """
    Then a SyntaxError should be raised at compile time: InvalidClauseComposition

  Scenario: [10] A subquery cannot change the graph
    When executing query:
      """
      MATCH (p:Person) WHERE EXISTS { MATCH (p)-->(d) SET d.seen = true } RETURN p
      """
    Then a SyntaxError should be raised at compile time: UnexpectedSyntax

  Scenario: [11] Variables of a subquery stay inside it
    When executing query:
      """
      MATCH (p:Person) WHERE EXISTS { MATCH (p)-[:OWNS]->(d) } RETURN d
      """
    Then a SyntaxError should be raised at compile time: UndefinedVariable
