#encoding: utf-8
# Scenarios for map projections, written for ergo from Neo4j's Cypher
# manual; not copied from the TCK's own feature files.

Feature: MapProjection - Maps built from nodes, relationships and maps

  Background:
    Given an empty graph
    And having executed:
      """
      CREATE (a:Person {name: 'Ann', age: 41}), (d:Dog {name: 'Rex'}), (a)-[:OWNS {since: 2019}]->(d)
      """

  Scenario: [1] Property selectors and a missing property
    When executing query:
      """
      MATCH (p:Person) RETURN p {.name, .age, .missing} AS m
      """
    Then the result should be, in any order:
      | m                                          |
      | {name: 'Ann', age: 41, missing: null}      |
    And no side effects

  Scenario: [2] All properties, with one replaced and one added
    When executing query:
      """
      MATCH (p:Person) RETURN p {.*, age: p.age + 1, kind: 'person'} AS m
      """
    Then the result should be, in any order:
      | m                                           |
      | {name: 'Ann', age: 42, kind: 'person'}      |
    And no side effects

  Scenario: [3] A variable selector and a relationship subject
    When executing query:
      """
      MATCH (p:Person)-[r:OWNS]->(d) WITH r, d.name AS dog RETURN r {.since, dog} AS m
      """
    Then the result should be, in any order:
      | m                        |
      | {since: 2019, dog: 'Rex'} |
    And no side effects

  Scenario: [4] An aggregating projection groups by its subject
    When executing query:
      """
      MATCH (p:Person)-[:OWNS]->(d) RETURN p {.name, dogs: collect(d.name)} AS m
      """
    Then the result should be, in any order:
      | m                             |
      | {name: 'Ann', dogs: ['Rex']}  |
    And no side effects

  Scenario: [5] A null subject gives null
    When executing query:
      """
      OPTIONAL MATCH (c:Cat) RETURN c {.name} AS m
      """
    Then the result should be, in any order:
      | m    |
      | null |
    And no side effects

  Scenario: [6] A map subject
    When executing query:
      """
      WITH {a: 1, b: 2} AS map RETURN map {.a, c: 3} AS m
      """
    Then the result should be, in any order:
      | m            |
      | {a: 1, c: 3} |
    And no side effects
