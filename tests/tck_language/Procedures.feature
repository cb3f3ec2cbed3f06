#encoding: utf-8
# Scenarios for CALL on procedures a scenario declares, written for ergo from
# the openCypher 9 specification (CALL ... YIELD) and Neo4j's manual; not
# copied from the TCK's own feature files.

Feature: Procedures - Calling declared procedures

  Scenario: [1] A standalone call of a VOID procedure returns nothing
    Given an empty graph
    And there exists a procedure test.doNothing() :: ():
      |
    When executing query:
      """
      CALL test.doNothing()
      """
    Then the result should be empty
    And no side effects

  Scenario: [2] A VOID procedure inside a query keeps each row
    Given an empty graph
    And there exists a procedure test.doNothing() :: ():
      |
    When executing query:
      """
      UNWIND [1, 2, 3] AS x
      CALL test.doNothing()
      RETURN x
      """
    Then the result should be, in order:
      | x |
      | 1 |
      | 2 |
      | 3 |
    And no side effects

  Scenario: [3] A standalone call yields the rows matching its argument
    Given an empty graph
    And there exists a procedure test.labels(kind :: STRING?) :: (label :: STRING?, rank :: INTEGER?):
      | kind   | label | rank |
      | 'a'    | 'A'   | 1    |
      | 'a'    | 'B'   | 2    |
      | 'b'    | 'C'   | 3    |
    When executing query:
      """
      CALL test.labels('a')
      """
    Then the result should be, in order:
      | label | rank |
      | 'A'   | 1    |
      | 'B'   | 2    |
    And no side effects

  Scenario: [4] YIELD renames and filters fields inside a query
    Given an empty graph
    And there exists a procedure test.labels(kind :: STRING?) :: (label :: STRING?, rank :: INTEGER?):
      | kind   | label | rank |
      | 'a'    | 'A'   | 1    |
      | 'a'    | 'B'   | 2    |
      | 'b'    | 'C'   | 3    |
    When executing query:
      """
      UNWIND ['a', 'b'] AS k
      CALL test.labels(k) YIELD label AS l, rank WHERE rank > 1
      RETURN k, l ORDER BY l
      """
    Then the result should be, in order:
      | k   | l   |
      | 'a' | 'B' |
      | 'b' | 'C' |
    And no side effects

  Scenario: [5] Arguments can come from parameters, implicitly in a standalone call
    Given an empty graph
    And there exists a procedure test.echo(value :: INTEGER?) :: (out :: INTEGER?):
      | value | out |
      | 1     | 10  |
      | 2     | 20  |
    And parameters are:
      | value | 2 |
    When executing query:
      """
      CALL test.echo
      """
    Then the result should be, in any order:
      | out |
      | 20  |
    And no side effects

  Scenario: [6] A FLOAT argument accepts an integer as a float
    Given an empty graph
    And there exists a procedure test.half(x :: FLOAT?) :: (half :: FLOAT?):
      | x   | half |
      | 3.0 | 1.5  |
    When executing query:
      """
      CALL test.half(3) YIELD half RETURN half
      """
    Then the result should be, in any order:
      | half |
      | 1.5  |
    And no side effects

  Scenario: [7] A nullable argument takes null
    Given an empty graph
    And there exists a procedure test.orDefault(x :: STRING?) :: (out :: STRING?):
      | x    | out       |
      | null | 'default' |
    When executing query:
      """
      CALL test.orDefault(null)
      """
    Then the result should be, in any order:
      | out       |
      | 'default' |
    And no side effects

  Scenario: [8] An unknown procedure is an error at compile time
    Given an empty graph
    When executing query:
      """
      CALL test.missing()
      """
    Then a ProcedureError should be raised at compile time: ProcedureNotFound

  Scenario: [9] Too many arguments are an error at compile time
    Given an empty graph
    And there exists a procedure test.echo(value :: INTEGER?) :: (out :: INTEGER?):
      | value | out |
      | 1     | 10  |
    When executing query:
      """
      CALL test.echo(1, 2)
      """
    Then a SyntaxError should be raised at compile time: InvalidNumberOfArguments

  Scenario: [10] An argument of the wrong type is an error
    Given an empty graph
    And there exists a procedure test.echo(value :: INTEGER?) :: (out :: INTEGER?):
      | value | out |
      | 1     | 10  |
    When executing query:
      """
      CALL test.echo('one')
      """
    Then a SyntaxError should be raised at compile time: InvalidArgumentType

  Scenario: [11] Yielding a field the procedure does not have is an error
    Given an empty graph
    And there exists a procedure test.echo(value :: INTEGER?) :: (out :: INTEGER?):
      | value | out |
      | 1     | 10  |
    When executing query:
      """
      CALL test.echo(1) YIELD result RETURN result
      """
    Then a SyntaxError should be raised at compile time: UndefinedVariable

  Scenario: [12] A call inside a query needs YIELD when the procedure yields fields
    Given an empty graph
    And there exists a procedure test.echo(value :: INTEGER?) :: (out :: INTEGER?):
      | value | out |
      | 1     | 10  |
    When executing query:
      """
      UNWIND [1] AS x CALL test.echo(x) RETURN x
      """
    Then a SyntaxError should be raised at compile time: UnexpectedSyntax
