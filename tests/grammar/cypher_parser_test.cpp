// Targeted tests of the openCypher parser: operator precedence and chains,
// literals and their errors, names, patterns of every shape, clauses, spans,
// and the messages of syntax errors. Trees are compared as ast_printer dumps.
#include <gtest/gtest.h>

#include <string>

#include "cypher_test_support.hpp"
#include "grammar/cypher/lexer.hpp"
#include "grammar/cypher/statement.hpp"

namespace ergo::cypher {
namespace {

using testing::dump;
using testing::error;
using testing::expr;
using testing::located_error;
using testing::parse;

// ------------------------------------------------------------------ precedence

TEST(CypherExpression, BooleanPrecedenceIsOrXorAndNot) {
  EXPECT_EQ(expr("a OR b XOR c AND NOT d = e"), "(or a (xor b (and c (not (= d e)))))");
  EXPECT_EQ(expr("a AND b OR c AND d"), "(or (and a b) (and c d))");
  EXPECT_EQ(expr("NOT a AND b"), "(and (not a) b)");
  EXPECT_EQ(expr("NOT a = b"), "(not (= a b))");
  EXPECT_EQ(expr("NOT NOT a"), "(not (not a))");
}

TEST(CypherExpression, RunsOfOneBooleanOperatorAreOneNode) {
  EXPECT_EQ(expr("a OR b OR c OR d"), "(or a b c d)");
  EXPECT_EQ(expr("(a OR b) OR c"), "(or (or a b) c)");
}

TEST(CypherExpression, ArithmeticPrecedenceAndLeftAssociativity) {
  EXPECT_EQ(expr("1 + 2 * 3 ^ 2"), "(+ 1 (* 2 (^ 3 2)))");
  EXPECT_EQ(expr("1 - 2 - 3"), "(- (- 1 2) 3)");
  EXPECT_EQ(expr("1 - (2 - 3)"), "(- 1 (- 2 3))");
  EXPECT_EQ(expr("a + b - c + d"), "(+ (- (+ a b) c) d)");
  EXPECT_EQ(expr("8 / 4 / 2 % 3"), "(% (/ (/ 8 4) 2) 3)");
  EXPECT_EQ(expr("a * b + c * d"), "(+ (* a b) (* c d))");
  // openCypher: ^ is left-associative and binds looser than unary minus.
  EXPECT_EQ(expr("2 ^ 3 ^ 2"), "(^ (^ 2 3) 2)");
  EXPECT_EQ(expr("-2 ^ 2"), "(^ -2 2)");
  EXPECT_EQ(expr("- x ^ 2"), "(^ (neg x) 2)");
}

TEST(CypherExpression, UnarySigns) {
  EXPECT_EQ(expr("+1"), "(pos 1)");
  EXPECT_EQ(expr("- - x"), "(neg (neg x))");
  EXPECT_EQ(expr("--1"), "(neg -1)");
  EXPECT_EQ(expr("-x.y"), "(neg (. x y))");
  EXPECT_EQ(expr("-(9223372036854775807)"), "(neg 9223372036854775807)");
}

TEST(CypherExpression, ComparisonChainsKeepEveryOperand) {
  EXPECT_EQ(expr("a < b"), "(< a b)");
  EXPECT_EQ(expr("a < b < c"), "(chain a < b < c)");
  EXPECT_EQ(expr("a = b <> c <= d >= e > f"), "(chain a = b <> c <= d >= e > f)");
  EXPECT_EQ(expr("(a < b) < c"), "(< (< a b) c)");
}

TEST(CypherExpression, StringListNullPredicatesBindBetweenComparisonAndArithmetic) {
  EXPECT_EQ(expr("a STARTS WITH b"), "(starts-with a b)");
  EXPECT_EQ(expr("a ENDS WITH 'x'"), "(ends-with a \"x\")");
  EXPECT_EQ(expr("a CONTAINS b"), "(contains a b)");
  EXPECT_EQ(expr("a =~ 'x.*'"), "(=~ a \"x.*\")");
  EXPECT_EQ(expr("a IS NULL"), "(is-null a)");
  EXPECT_EQ(expr("a IS NOT NULL"), "(is-not-null a)");
  EXPECT_EQ(expr("x IN [1] = true"), "(= (in x (list 1)) true)");
  EXPECT_EQ(expr("n.a + 1 IN l"), "(in (+ (. n a) 1) l)");
  EXPECT_EQ(expr("a =~ 'x' = true"), "(= (=~ a \"x\") true)");
  EXPECT_EQ(expr("x IS NULL IS NULL"), "(is-null (is-null x))");
  EXPECT_EQ(expr("x IN a IN b"), "(in (in x a) b)");
  EXPECT_EQ(expr("a is not null and b"), "(and (is-not-null a) b)");
}

TEST(CypherExpression, PostfixAccess) {
  EXPECT_EQ(expr("n.a.b"), "(. (. n a) b)");
  EXPECT_EQ(expr("l[0][1]"), "(index (index l 0) 1)");
  EXPECT_EQ(expr("l[1..2]"), "(slice l 1 2)");
  EXPECT_EQ(expr("l[..2]"), "(slice l _ 2)");
  EXPECT_EQ(expr("l[1..]"), "(slice l 1 _)");
  EXPECT_EQ(expr("l[..]"), "(slice l _ _)");
  EXPECT_EQ(expr("n.a.b[0][1..2]"), "(slice (index (. (. n a) b) 0) 1 2)");
  EXPECT_EQ(expr("f(x).y"), "(. (fn f x) y)");
  EXPECT_EQ(expr("[1, 2][0]"), "(index (list 1 2) 0)");
  EXPECT_EQ(expr("{a: 1}.a"), "(. (map (a 1)) a)");
  EXPECT_EQ(expr("$p.x"), "(. $p x)");
  EXPECT_EQ(expr("a[$i]"), "(index a $i)");
  EXPECT_EQ(expr("n.`weird key`"), "(. n `weird key`)");
  EXPECT_EQ(expr("n.end"), "(. n end)");  // keys may be reserved words
}

TEST(CypherExpression, LabelTests) {
  EXPECT_EQ(expr("n:A"), "(labels n :A)");
  EXPECT_EQ(expr("n:A:B"), "(labels n :A:B)");
  EXPECT_EQ(expr("n:A AND m:B"), "(and (labels n :A) (labels m :B))");
  EXPECT_EQ(expr("a.b:C"), "(labels (. a b) :C)");
  EXPECT_EQ(expr("NOT n:Document"), "(not (labels n :Document))");
}

TEST(CypherExpression, FunctionCalls) {
  EXPECT_EQ(expr("count(*)"), "(fn count *)");
  EXPECT_EQ(expr("COUNT ( * )"), "(fn COUNT *)");
  EXPECT_EQ(expr("count(DISTINCT n.x)"), "(fn count distinct (. n x))");
  EXPECT_EQ(expr("ergo.fn(1, 2)"), "(fn ergo.fn 1 2)");
  EXPECT_EQ(expr("apoc.create.uuid()"), "(fn apoc.create.uuid)");
  EXPECT_EQ(expr("exists(n.x)"), "(fn exists (. n x))");
  EXPECT_EQ(expr("exists((n)-->())"), "(fn exists (pattern (node n) (rel ->) (node)))");
  EXPECT_EQ(expr("any(x)"), "(fn any x)");  // not a quantifier without IN
  EXPECT_EQ(expr("startNode(r).name"), "(. (fn startNode r) name)");
}

TEST(CypherExpression, CaseForms) {
  EXPECT_EQ(expr("CASE WHEN a THEN 1 END"), "(case (when a 1))");
  EXPECT_EQ(expr("CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END"), "(case (when a 1) (when b 2) (else 3))");
  EXPECT_EQ(expr("CASE a WHEN 1 THEN 'x' ELSE 'y' END"), "(case a (when 1 \"x\") (else \"y\"))");
  EXPECT_EQ(expr("case x when 1 then 2 end"), "(case x (when 1 2))");
}

TEST(CypherExpression, ComprehensionsAndQuantifiers) {
  EXPECT_EQ(expr("[x IN l | x.name]"), "(list-comp x IN l (project (. x name)))");
  EXPECT_EQ(expr("[x IN l WHERE x > 1]"), "(list-comp x IN l (where (> x 1)))");
  EXPECT_EQ(expr("[x IN range(1, 10) WHERE x % 2 = 0 | x ^ 2]"),
            "(list-comp x IN (fn range 1 10) (where (= (% x 2) 0)) (project (^ x 2)))");
  EXPECT_EQ(expr("[x IN [1, 2, 3]]"), "(list-comp x IN (list 1 2 3))");
  EXPECT_EQ(expr("[p = (a)-[:R]->(b) WHERE b.x | p]"),
            "(pattern-comp p = (node a) (rel -> :R) (node b) (where (. b x)) (project p))");
  EXPECT_EQ(expr("[(n)-->(m) | m.name]"), "(pattern-comp (node n) (rel ->) (node m) (project (. m name)))");
  EXPECT_EQ(expr("all(x IN l WHERE x > 0)"), "(all x IN l (where (> x 0)))");
  EXPECT_EQ(expr("any(x IN l WHERE x)"), "(any x IN l (where x))");
  EXPECT_EQ(expr("none(x IN l)"), "(none x IN l)");
  EXPECT_EQ(expr("single(x IN l WHERE x = 2)"), "(single x IN l (where (= x 2)))");
  // A list literal holding a boolean is a list literal.
  EXPECT_EQ(expr("[x IN l, 2]"), "(list (in x l) 2)");
}

TEST(CypherExpression, ListsAndMaps) {
  EXPECT_EQ(expr("[]"), "(list)");
  EXPECT_EQ(expr("[1, [2, []], {}]"), "(list 1 (list 2 (list)) (map))");
  EXPECT_EQ(expr("{`a b`: 1, c: [], d: {e: null}}"), "(map (`a b` 1) (c (list)) (d (map (e null))))");
  EXPECT_EQ(expr("{exists: 42, MATCH: 1}"), "(map (exists 42) (MATCH 1))");
}

TEST(CypherExpression, Parameters) {
  EXPECT_EQ(expr("$param"), "$param");
  EXPECT_EQ(expr("$0"), "$0");
  EXPECT_EQ(expr("$`my param`"), "$`my param`");
}

// ------------------------------------------------------------------ literals

TEST(CypherLiteral, Integers) {
  EXPECT_EQ(expr("0"), "0");
  EXPECT_EQ(expr("42"), "42");
  EXPECT_EQ(expr("0x1F"), "31");
  EXPECT_EQ(expr("0XfF"), "255");
  EXPECT_EQ(expr("0o17"), "15");
  EXPECT_EQ(expr("9223372036854775807"), "9223372036854775807");
  EXPECT_EQ(expr("-9223372036854775808"), "-9223372036854775808");
  EXPECT_EQ(expr("- 9223372036854775808"), "-9223372036854775808");
  EXPECT_EQ(expr("0x7FFFFFFFFFFFFFFF"), "9223372036854775807");
  EXPECT_EQ(expr("-0x8000000000000000"), "-9223372036854775808");
  EXPECT_EQ(expr("-0o1000000000000000000000"), "-9223372036854775808");
}

TEST(CypherLiteral, Floats) {
  EXPECT_EQ(expr("1.5"), "1.5");
  EXPECT_EQ(expr(".5"), "0.5");
  EXPECT_EQ(expr("1e10"), "1e+10");
  EXPECT_EQ(expr("1.5E-3"), "0.0015");
  EXPECT_EQ(expr("1E+2"), "100.0");
  EXPECT_EQ(expr("-1.5"), "-1.5");
  EXPECT_EQ(expr("0.0"), "0.0");
  EXPECT_EQ(expr("1e-400"), "0.0");  // underflow is not an error
  EXPECT_EQ(expr("123456789e300"), "1.23456789e+308");
}

TEST(CypherLiteral, NumberErrorsCarryTheOpenCypherDetail) {
  EXPECT_EQ(located_error("RETURN 9223372036854775808"), "1:8 IntegerOverflow: integer literal is too large (the largest integer is 9223372036854775807)");
  EXPECT_EQ(located_error("RETURN -9223372036854775809"), "1:8 IntegerOverflow: integer literal is too small (the smallest integer is -9223372036854775808)");
  EXPECT_EQ(located_error("RETURN 0x8000000000000000"), "1:8 IntegerOverflow: integer literal is too large (the largest integer is 9223372036854775807)");
  EXPECT_EQ(located_error("RETURN 0o1000000000000000000000"), "1:8 IntegerOverflow: integer literal is too large (the largest integer is 9223372036854775807)");
  EXPECT_EQ(located_error("RETURN 1.34E999"), "1:8 FloatingPointOverflow: floating-point literal is out of range (the largest is about 1.8e308)");
  EXPECT_EQ(located_error("RETURN 0x"), "1:8 InvalidNumberLiteral: invalid number literal '0x'");
  EXPECT_EQ(located_error("RETURN 0x1A2b3j4D5E6f7"), "1:8 InvalidNumberLiteral: invalid number literal '0x1A2b3j4D5E6f7'");
  EXPECT_EQ(located_error("RETURN 9223372h54775808"), "1:8 InvalidNumberLiteral: invalid number literal '9223372h54775808'");
  EXPECT_EQ(located_error("RETURN 1e"), "1:8 InvalidNumberLiteral: invalid number literal '1e'");
  EXPECT_EQ(located_error("RETURN 017"), "1:8 InvalidNumberLiteral: invalid number literal '017': decimal integers have no leading zeros (write 0o17 for an octal number)");
  EXPECT_EQ(located_error("RETURN 9223372#54775808"), "1:15 UnexpectedSyntax: unexpected '#'");
}

TEST(CypherLiteral, Strings) {
  EXPECT_EQ(expr("'single'"), "\"single\"");
  EXPECT_EQ(expr("\"double\""), "\"double\"");
  EXPECT_EQ(expr(R"('a\\b\'c\"d\te\nf\rg\bh\fi')"), R"("a\\b'c\"d\te\nf\rg\bh\fi")");
  EXPECT_EQ(expr(R"('\u00e9\U0001F600')"), "\"\xc3\xa9\xf0\x9f\x98\x80\"");
  EXPECT_EQ(expr(R"('\uD83D\uDE00')"), "\"\xf0\x9f\x98\x80\"");  // a UTF-16 surrogate pair
  EXPECT_EQ(expr("'마이크로소프트'"), "\"마이크로소프트\"");
  EXPECT_EQ(expr("'it''s'"), "error: unexpected string 's'");
  EXPECT_EQ(expr("'line\nbreak'"), "\"line\\nbreak\"");
}

TEST(CypherLiteral, StringErrors) {
  EXPECT_EQ(located_error(R"(RETURN '\uH')"), "1:9 InvalidUnicodeLiteral: invalid Unicode escape '\\uH': expected 4 hexadecimal digits");
  EXPECT_EQ(located_error(R"(RETURN '\u12')"), "1:9 InvalidUnicodeLiteral: invalid Unicode escape '\\u12': expected 4 hexadecimal digits");
  EXPECT_EQ(located_error(R"(RETURN '\U0011FFFF')"), "1:9 InvalidUnicodeLiteral: invalid Unicode escape '\\U0011FFFF': beyond the last Unicode code point U+10FFFF");
  EXPECT_EQ(located_error(R"(RETURN '\uD800')"), "1:9 InvalidUnicodeLiteral: invalid Unicode escape '\\uD800': a lone UTF-16 surrogate is not a character");
  EXPECT_EQ(located_error(R"(RETURN 'a\qb')"), "1:10 UnexpectedSyntax: invalid escape sequence '\\q' in string literal (write '\\\\' for a backslash)");
  EXPECT_EQ(located_error("RETURN 'abc"), "1:8 UnexpectedSyntax: unterminated string literal: the closing ' is missing");
  EXPECT_EQ(located_error("RETURN \"abc"), "1:8 UnexpectedSyntax: unterminated string literal: the closing \" is missing");
}

TEST(CypherLiteral, KeywordLiteralsIgnoreCase) {
  EXPECT_EQ(expr("true"), "true");
  EXPECT_EQ(expr("TRUE"), "true");
  EXPECT_EQ(expr("False"), "false");
  EXPECT_EQ(expr("nUlL"), "null");
  EXPECT_EQ(expr("NULL IS NULL"), "(is-null null)");
}

// ------------------------------------------------------------------ names and lexical matters

TEST(CypherNames, QuotedAndUnicodeIdentifiers) {
  EXPECT_EQ(expr("`weird name`"), "`weird name`");
  EXPECT_EQ(expr("`a``b`"), "`a``b`");
  EXPECT_EQ(expr("déjà"), "déjà");
  EXPECT_EQ(expr("名前"), "名前");
  EXPECT_EQ(expr("_x1"), "_x1");
  EXPECT_EQ(expr("`true`"), "`true`");  // a variable, not the literal
  EXPECT_EQ(expr("`RETURN`"), "RETURN");
  EXPECT_EQ(expr("count"), "count");  // not reserved
  EXPECT_EQ(expr("```a`"), "```a`");   // a name that starts with a backtick prints quoted
  EXPECT_EQ(expr("reduce(```s` = 0, x IN [1] | ```s` + x)"), "(reduce ```s` = 0 x IN (list 1) (project (+ ```s` x)))");
}

TEST(CypherNames, ReservedWordsAreNotVariables) {
  EXPECT_EQ(error("RETURN n AS end"),
            "expected a variable after 'AS' ('end' is a reserved word: write `end` to use it as a name)");
  EXPECT_EQ(dump("RETURN n AS `end`"), "(statement\n  (return (item n AS end)))\n");
  EXPECT_EQ(dump("MATCH (n:MATCH)-[:WHERE]->(m) RETURN n"),
            "(statement\n  (match (path (node n :MATCH) (rel -> :WHERE) (node m)))\n  (return (item n)))\n");
}

TEST(CypherNames, EveryReservedWordInAnyCaseAndNothingNearIt) {
  for (const char* word : {"ADD", "as", "Ascending", "constraint", "xor", "WITH", "Null", "do", "ends"}) {
    EXPECT_TRUE(lexer::is_reserved_word(word)) << word;
  }
  for (const char* word : {"", "a", "n", "asc_", "ascendingx", "constraints", "nul", "x", "_end", "1", "ä", "name"}) {
    EXPECT_FALSE(lexer::is_reserved_word(word)) << word;
  }
}

TEST(CypherNames, KeywordsIgnoreCase) {
  EXPECT_EQ(dump("match (n) where n.x return distinct n order by n.x desc skip 1 limit 2"),
            "(statement\n"
            "  (match (path (node n)) (where (. n x)))\n"
            "  (return distinct (item n) (order-by (desc (. n x))) (skip 1) (limit 2)))\n");
}

TEST(CypherNames, CommentsAreSpace) {
  EXPECT_EQ(dump("// leading\nRETURN 1 // c\n+ 2 /* x */ * /* multi\nline */ 3 // trailing"),
            "(statement\n  (return (item (+ 1 (* 2 3)))))\n");
  EXPECT_EQ(located_error("RETURN 1 /* open"), "1:10 UnexpectedSyntax: unterminated comment (missing '*/')");
}

// ------------------------------------------------------------------ patterns

TEST(CypherPattern, NodeShapes) {
  EXPECT_EQ(dump("MATCH (), (n), (:A), (n:A:B {k: 1, `x y`: 'z'}), (m $props) RETURN 1"),
            "(statement\n"
            "  (match (path (node)) (path (node n)) (path (node :A)) (path (node n :A:B (map (k 1) (`x y` \"z\")))) "
            "(path (node m $props)))\n"
            "  (return (item 1)))\n");
}

TEST(CypherPattern, RelationshipDirectionsAndTypes) {
  EXPECT_EQ(dump("MATCH (a)-->(b)<--(c)--(d)<-->(e) RETURN 1"),
            "(statement\n"
            "  (match (path (node a) (rel ->) (node b) (rel <-) (node c) (rel --) (node d) (rel <->) (node e)))\n"
            "  (return (item 1)))\n");
  EXPECT_EQ(dump("MATCH (a)-[r]->(b), (a)-[:T|U]-(b), (a)-[:T|:U]->(b), (a)<-[r:T {w: 2}]-(b) RETURN 1"),
            "(statement\n"
            "  (match (path (node a) (rel -> r) (node b)) (path (node a) (rel -- :T|:U) (node b)) "
            "(path (node a) (rel -> :T|:U) (node b)) (path (node a) (rel <- r :T (map (w 2))) (node b)))\n"
            "  (return (item 1)))\n");
  EXPECT_EQ(dump("MATCH (a) - [ r : T ] -> (b) RETURN 1"),
            "(statement\n  (match (path (node a) (rel -> r :T) (node b)))\n  (return (item 1)))\n");
}

TEST(CypherPattern, VariableLengths) {
  EXPECT_EQ(dump("MATCH (a)-[*]->(b), (a)-[*2]->(b), (a)-[r*1..3]->(b), (a)-[*..5]->(b), (a)-[:T*2..]->(b), "
                 "(a)-[ * 1 .. 3 ]->(b), (a)-[:T*0x10 {k: 1}]-(b) RETURN 1"),
            "(statement\n"
            "  (match (path (node a) (rel -> *) (node b)) (path (node a) (rel -> *2..2) (node b)) "
            "(path (node a) (rel -> r *1..3) (node b)) (path (node a) (rel -> *..5) (node b)) "
            "(path (node a) (rel -> :T *2..) (node b)) (path (node a) (rel -> *1..3) (node b)) "
            "(path (node a) (rel -- :T *16..16 (map (k 1))) (node b)))\n"
            "  (return (item 1)))\n");
}

TEST(CypherPattern, NamedPathsAndShortestPaths) {
  EXPECT_EQ(dump("MATCH p = (a)-->(b), q = shortestPath((a)-[*]-(b)), allShortestPaths((a)-[*..3]->(b)) RETURN p"),
            "(statement\n"
            "  (match (path p = (node a) (rel ->) (node b)) (shortest-path q = (node a) (rel -- *) (node b)) "
            "(all-shortest-paths (node a) (rel -> *..3) (node b)))\n"
            "  (return (item p)))\n");
  EXPECT_EQ(dump("MATCH shortestPath((a)-->(b)) RETURN 1"),
            "(statement\n  (match (shortest-path (node a) (rel ->) (node b)))\n  (return (item 1)))\n");
}

TEST(CypherPattern, PatternPredicatesOnlyWherePredicatesGo) {
  EXPECT_EQ(dump("MATCH (n) WHERE (n)-->() AND NOT (n)<-[:R*]-(:X) RETURN n"),
            "(statement\n"
            "  (match (path (node n)) (where (and (pattern (node n) (rel ->) (node)) "
            "(not (pattern (node n) (rel <- :R *) (node :X))))))\n"
            "  (return (item n)))\n");
  EXPECT_EQ(dump("MATCH (c) RETURN CASE WHEN (c)-[:M]->() THEN 1 ELSE 0 END AS m"),
            "(statement\n"
            "  (match (path (node c)))\n"
            "  (return (item (case (when (pattern (node c) (rel -> :M) (node)) 1) (else 0)) AS m)))\n");
  EXPECT_EQ(located_error("MATCH (n) RETURN (n)-[]->()"),
            "1:18 UnexpectedSyntax: a pattern can only be used as a predicate (in WHERE, with NOT/AND/OR/XOR, or "
            "in exists()); for a list of matches use a pattern comprehension such as [(a)-->(b) | b]");
  EXPECT_EQ(error("MATCH (n) WITH (n)-[]->() AS x RETURN x").substr(0, 40), "a pattern can only be used as a predicat");
  EXPECT_EQ(error("MATCH (n) SET n.prop = head(nodes(head((n)-[:REL]->()))).foo").substr(0, 17),
            "a pattern can onl");
  // A parenthesized expression followed by a minus is arithmetic, not a pattern.
  EXPECT_EQ(expr("(a) - (b)"), "(- a b)");
  EXPECT_EQ(expr("(a)--1"), "(- a -1)");
  EXPECT_EQ(expr("(a) < -(b)"), "(< a (neg b))");
}

// ------------------------------------------------------------------ clauses

TEST(CypherClause, ReadingAndProjection) {
  EXPECT_EQ(dump("UNWIND [1, 2] AS x WITH x, x * 2 AS y WHERE y > 2 RETURN x, y"),
            "(statement\n"
            "  (unwind (list 1 2) AS x)\n"
            "  (with (item x) (item (* x 2) AS y) (where (> y 2)))\n"
            "  (return (item x) (item y)))\n");
  EXPECT_EQ(dump("OPTIONAL MATCH (a)-->(b) WHERE b.x IS NOT NULL RETURN a, collect(b) AS bs"),
            "(statement\n"
            "  (optional-match (path (node a) (rel ->) (node b)) (where (is-not-null (. b x))))\n"
            "  (return (item a) (item (fn collect b) AS bs)))\n");
  EXPECT_EQ(dump("MATCH (n) WITH *, n.x AS x RETURN *"),
            "(statement\n  (match (path (node n)))\n  (with * (item (. n x) AS x))\n  (return *))\n");
  EXPECT_EQ(dump("WITH DISTINCT a, b AS c ORDER BY a ASC, b DESCENDING SKIP 1 LIMIT 2 WHERE c > 0 RETURN *"),
            "(statement\n"
            "  (with distinct (item a) (item b AS c) (order-by (asc a) (desc b)) (skip 1) (limit 2) (where (> c 0)))\n"
            "  (return *))\n");
  EXPECT_EQ(dump("RETURN x ORDER BY x ASCENDING, y DESC, z"),
            "(statement\n  (return (item x) (order-by (asc x) (desc y) (asc z))))\n");
}

TEST(CypherClause, Updating) {
  EXPECT_EQ(dump("CREATE (a:A {n: 1})-[:R {w: 2}]->(b:B), (c)"),
            "(statement\n"
            "  (create (path (node a :A (map (n 1))) (rel -> :R (map (w 2))) (node b :B)) (path (node c))))\n");
  EXPECT_EQ(dump("MATCH (n) SET n.x = 1, n += {y: 2}, n = $props, n:L1:L2 REMOVE n:L1, n.x DELETE n"),
            "(statement\n"
            "  (match (path (node n)))\n"
            "  (set (set-property (. n x) 1) (set-properties n += (map (y 2))) (set-properties n = $props) "
            "(set-labels n :L1:L2))\n"
            "  (remove (labels n :L1) (property (. n x)))\n"
            "  (delete n))\n");
  EXPECT_EQ(dump("MERGE (n:A {id: 1}) ON CREATE SET n.created = timestamp() ON MATCH SET n += {x: 1}, n:B"),
            "(statement\n"
            "  (merge (path (node n :A (map (id 1)))) (on-create (set-property (. n created) (fn timestamp))) "
            "(on-match (set-properties n += (map (x 1))) (set-labels n :B))))\n");
  EXPECT_EQ(dump("MATCH (n) DETACH DELETE n, m.x"),
            "(statement\n  (match (path (node n)))\n  (detach-delete n (. m x)))\n");
}

TEST(CypherClause, Call) {
  EXPECT_EQ(dump("CALL db.labels"), "(statement\n  (call db.labels))\n");
  EXPECT_EQ(dump("CALL db.labels() YIELD *"), "(statement\n  (call db.labels (args) (yield *)))\n");
  EXPECT_EQ(dump("CALL dbms.components() YIELD name, versions AS v WHERE name = 'x' RETURN name, v"),
            "(statement\n"
            "  (call dbms.components (args) (yield name (versions AS v)) (where (= name \"x\")))\n"
            "  (return (item name) (item v)))\n");
  EXPECT_EQ(dump("MATCH (n) CALL ergo.neighbours(n, 2) YIELD node RETURN node"),
            "(statement\n"
            "  (match (path (node n)))\n"
            "  (call ergo.neighbours (args n 2) (yield node))\n"
            "  (return (item node)))\n");
}

// The parser tries only the clauses whose keyword begins with the letter at
// hand: every clause, in any case and after comments, is still found, and
// the clauses sharing a letter (MATCH/MERGE, RETURN/REMOVE, CREATE/CALL,
// SET/SHOW) are told apart.
// The dump of `text` parsed the first way parse_cypher tries, without
// recording (ClauseByFirstLetter's route), or "<failed>". parse_cypher
// retries a failed parse recording, which tries every clause, so a clause
// the first route missed would still parse through it: only this shows the
// first route.
std::string dump_first_try(const std::string& text) {
  namespace x3 = boost::spirit::x3;
  parser::ParseState state;
  state.recording = false;
  state.begin = text.data();
  state.end = text.data() + text.size();
  parser::Skipper const skipper;
  auto const phrase_context = x3::make_context<x3::skipper_tag>(skipper);
  auto const context = x3::make_context<parser::state_tag>(state, phrase_context);
  std::vector<ast::Statement> statements;
  const char* first = state.begin;
  const bool ok = parser::statements.parse(first, state.end, context, x3::unused, statements);
  if (!ok || lexer::skip_space(first, state.end) != state.end) return "<failed>";
  return print(statements);
}

TEST(CypherClause, EveryClauseFoundByItsFirstKeywordInAnyCase) {
  for (const char* text : {"/* c */ mErGe (n) wiTh n // c\n rEmOvE n.x sEt n.y = 1 dEtAcH dElEtE n",
                           "oPtIoNaL mAtCh (n) uNwInD [1] AS x cReAtE (m) dElEtE m rEtUrN x",
                           "cAlL { rEtUrN 1 AS one } cAlL db.labels() fOrEaCh (x IN [1] | cReAtE ()) rEtUrN one",
                           "sHoW pRoCeDuReS", "SHOW FUNCTIONS", "lOaD cSv FROM 'file:///a.csv' AS row RETURN row",
                           "MATCH (n) RETURN n UNION MATCH (n) RETURN n", "EXPLAIN match (n) return n"}) {
    EXPECT_EQ(dump_first_try(text), dump(text)) << text;
    EXPECT_NE(dump_first_try(text), "<failed>") << text;
  }
  EXPECT_EQ(dump_first_try("MATCH (n) MATCHES n"), "<failed>");
  EXPECT_EQ(dump("/* c */ mErGe (n) wiTh n // c\n rEmOvE n.x sEt n.y = 1 dEtAcH dElEtE n"),
            "(statement\n  (merge (path (node n)))\n  (with (item n))\n  (remove (property (. n x)))\n"
            "  (set (set-property (. n y) 1))\n  (detach-delete n))\n");
  EXPECT_EQ(dump("oPtIoNaL mAtCh (n) uNwInD [1] AS x cReAtE (m) dElEtE m rEtUrN x"),
            "(statement\n  (optional-match (path (node n)))\n  (unwind (list 1) AS x)\n  (create (path (node m)))\n"
            "  (delete m)\n  (return (item x)))\n");
  EXPECT_EQ(dump("cAlL { rEtUrN 1 AS one } cAlL db.labels() fOrEaCh (x IN [1] | cReAtE ()) rEtUrN one"),
            "(statement\n  (call-subquery (return (item 1 AS one)))\n  (call db.labels (args))\n"
            "  (foreach x IN (list 1) (create (path (node))))\n  (return (item one)))\n");
  EXPECT_TRUE(parse("sHoW pRoCeDuReS").ok());
  EXPECT_TRUE(parse("lOaD cSv FROM 'file:///a.csv' AS row RETURN row").ok());
  // Neither a keyword's letter alone nor a longer word is a clause.
  EXPECT_EQ(located_error("MATCH (n) MATCHES n"), "1:11 UnexpectedSyntax: unexpected 'MATCHES', did you mean 'MATCH'?");
  EXPECT_EQ(located_error("MATCH (n) 1"),
            "1:11 UnexpectedSyntax: expected ',', 'WHERE', a clause (MATCH, OPTIONAL MATCH, UNWIND, LOAD CSV, CALL, "
            "WITH, RETURN, CREATE, MERGE, SET, REMOVE, DELETE, DETACH DELETE, FOREACH), 'UNION' or ';'");
}

TEST(CypherClause, UnionsModesAndStatementLists) {
  EXPECT_EQ(dump("RETURN 1 AS a UNION ALL RETURN 2 AS a UNION RETURN 3 AS a"),
            "(statement\n"
            "  (query\n"
            "    (return (item 1 AS a)))\n"
            "  (union-all\n"
            "    (return (item 2 AS a)))\n"
            "  (union\n"
            "    (return (item 3 AS a))))\n");
  EXPECT_EQ(dump("EXPLAIN MATCH (n) RETURN n; PROFILE RETURN 1;"),
            "(statement explain\n  (match (path (node n)))\n  (return (item n)))\n"
            "(statement profile\n  (return (item 1)))\n");
  EXPECT_EQ(dump("RETURN 1; RETURN 2"), "(statement\n  (return (item 1)))\n(statement\n  (return (item 2)))\n");
}

TEST(CypherClause, ClauseOrderIsChecked) {
  EXPECT_EQ(located_error("MATCH (n) RETURN n MATCH (m) RETURN m"),
            "1:20 UnexpectedSyntax: unexpected MATCH after RETURN: RETURN ends a query (use WITH to pass on values)");
  EXPECT_EQ(located_error("MATCH (n)"),
            "1:1 UnexpectedSyntax: a query cannot end with MATCH: add a RETURN clause (or an updating clause such as "
            "CREATE)");
  EXPECT_EQ(error("WITH 1 AS a"),
            "a query cannot end with WITH: add a RETURN clause (or an updating clause such as CREATE)");
  EXPECT_EQ(located_error("CREATE (a) MATCH (b) RETURN b"),
            "1:12 UnexpectedSyntax: MATCH cannot follow CREATE directly: put a WITH between them");
  EXPECT_EQ(error("MATCH (n) CALL db.labels RETURN n"),
            "expected '(' after the procedure name: only a standalone CALL may leave out the arguments");
  EXPECT_EQ(error("MATCH (n) CALL db.x() YIELD * RETURN n"), "YIELD * is only allowed in a standalone CALL");
  EXPECT_EQ(dump("CREATE (a) WITH a MATCH (b) RETURN b"),
            "(statement\n  (create (path (node a)))\n  (with (item a))\n  (match (path (node b)))\n  (return (item b)))\n");
  EXPECT_EQ(dump("MATCH (n) CREATE (m) RETURN m"),
            "(statement\n  (match (path (node n)))\n  (create (path (node m)))\n  (return (item m)))\n");
}

TEST(CypherClause, BinderChecksStillParse) {
  // Semantic errors are the binder's: these must reach it as trees.
  for (const char* query :
       {"MATCH (n $param) RETURN n", "MATCH ()-[r:FOO $param]->() RETURN r", "CREATE ()-->()",
        "CREATE (a)<-[:FOO]->(b)", "CREATE ()-[:A|:B]->()", "CREATE ()-[:FOO*2]->()", "RETURN 1 AS a, 2 AS a",
        "MATCH (n) RETURN n SKIP -1", "RETURN count(count(*))", "MATCH (a) RETURN foo(a)", "MATCH () RETURN *",
        "RETURN {k1: k2} AS literal", "RETURN 1 UNION ALL RETURN 1 AS b"}) {
    EXPECT_TRUE(parse(query).ok()) << query << ": " << error(query);
  }
}

// ------------------------------------------------------------------ spans

TEST(CypherSpan, NodesCarryByteOffsets) {
  const std::string text = "MATCH  p = (n:A)-[r:T *1..2]->(m) WHERE n.x > -1 RETURN  count(*) AS c  // done";
  ParseResult r = parse(text);
  ASSERT_TRUE(r.ok());
  auto slice = [&](ast::Span s) { return text.substr(s.begin, s.end - s.begin); };
  const ast::Statement& st = r.statements.at(0);
  EXPECT_EQ(slice(st.span), "MATCH  p = (n:A)-[r:T *1..2]->(m) WHERE n.x > -1 RETURN  count(*) AS c");
  const auto& match = boost::get<ast::Match>(st.query.first.clauses.at(0));
  EXPECT_EQ(slice(match.span), "MATCH  p = (n:A)-[r:T *1..2]->(m) WHERE n.x > -1");
  const ast::PatternPart& part = match.pattern.at(0);
  EXPECT_EQ(slice(part.span), "p = (n:A)-[r:T *1..2]->(m)");
  EXPECT_EQ(slice(part.path_variable->span), "p");
  EXPECT_EQ(slice(part.element.span), "(n:A)-[r:T *1..2]->(m)");
  EXPECT_EQ(slice(part.element.start.span), "(n:A)");
  EXPECT_EQ(slice(part.element.start.labels.at(0).span), "A");
  const ast::RelationshipPattern& rel = part.element.links.at(0).relationship;
  EXPECT_EQ(slice(rel.span), "-[r:T *1..2]->");
  EXPECT_EQ(slice(rel.variable->span), "r");
  EXPECT_EQ(slice(rel.types.at(0).span), "T");
  EXPECT_EQ(slice(rel.length->span), "*1..2");
  EXPECT_EQ(slice(part.element.links.at(0).node.span), "(m)");

  const ast::Expression& where = *match.where;
  EXPECT_EQ(slice(ast::span_of(where)), "n.x > -1");
  const auto* cmp = ast::get_if<ast::Comparison>(where);
  ASSERT_NE(cmp, nullptr);
  const auto* access = ast::get_if<ast::PropertyAccess>(cmp->first);
  ASSERT_NE(access, nullptr);
  EXPECT_EQ(slice(access->span), "n.x");
  EXPECT_EQ(slice(access->key.span), "x");
  EXPECT_EQ(slice(ast::span_of(access->subject)), "n");
  EXPECT_EQ(slice(ast::span_of(cmp->links.at(0).rhs)), "-1");  // the folded literal includes its sign

  const auto& ret = boost::get<ast::Return>(st.query.first.clauses.at(1));
  EXPECT_EQ(slice(ret.span), "RETURN  count(*) AS c");
  const ast::ProjectionItem& item = ret.projection.items.at(0);
  EXPECT_EQ(slice(item.span), "count(*) AS c");
  EXPECT_EQ(slice(ast::span_of(item.expression)), "count(*)");
  const auto* call = ast::get_if<ast::FunctionCall>(item.expression);
  ASSERT_NE(call, nullptr);
  EXPECT_TRUE(call->star);
  EXPECT_EQ(slice(call->name.span), "count");
  EXPECT_EQ(slice(item.alias->span), "c");
}

TEST(CypherSpan, OperatorChainsSpanTheirOperands) {
  const std::string text = "RETURN (a + b) * c - d, x IS NOT NULL, [1, 2][0..1], n:A:B";
  ParseResult r = parse(text);
  ASSERT_TRUE(r.ok());
  auto slice = [&](ast::Span s) { return text.substr(s.begin, s.end - s.begin); };
  const auto& items = boost::get<ast::Return>(r.statements.at(0).query.first.clauses.at(0)).projection.items;
  EXPECT_EQ(slice(ast::span_of(items.at(0).expression)), "(a + b) * c - d");
  const auto* sub = ast::get_if<ast::Arithmetic>(items.at(0).expression);
  ASSERT_NE(sub, nullptr);
  EXPECT_EQ(slice(ast::span_of(sub->first)), "(a + b) * c");
  const auto* mul = ast::get_if<ast::Arithmetic>(sub->first);
  ASSERT_NE(mul, nullptr);
  EXPECT_EQ(slice(ast::span_of(mul->first)), "a + b");  // parentheses are not part of the node
  EXPECT_EQ(slice(ast::span_of(items.at(1).expression)), "x IS NOT NULL");
  EXPECT_EQ(slice(ast::span_of(items.at(2).expression)), "[1, 2][0..1]");
  EXPECT_EQ(slice(ast::span_of(items.at(3).expression)), "n:A:B");
}

TEST(CypherSpan, UnicodeTextIsMeasuredInBytes) {
  const std::string text = "RETURN '마이크로' + 名前";
  ParseResult r = parse(text);
  ASSERT_TRUE(r.ok());
  const auto& item = boost::get<ast::Return>(r.statements.at(0).query.first.clauses.at(0)).projection.items.at(0);
  const auto* add = ast::get_if<ast::Arithmetic>(item.expression);
  ASSERT_NE(add, nullptr);
  ast::Span name = ast::span_of(add->links.at(0).rhs);
  EXPECT_EQ(text.substr(name.begin, name.end - name.begin), "名前");
  EXPECT_EQ(name.end, text.size());
}

// ------------------------------------------------------------------ errors

TEST(CypherError, SaysWhatWasExpectedWhereTheParseStopped) {
  EXPECT_EQ(located_error("MATCH (n:Company RETURN n"), "1:18 UnexpectedSyntax: expected ')' to close the node pattern");
  EXPECT_EQ(located_error("MATCH (n) WHERE RETURN n"), "1:17 UnexpectedSyntax: expected an expression after 'WHERE'");
  EXPECT_EQ(located_error("MATCH (n) WHERE"),
            "1:16 UnexpectedSyntax: expected an expression after 'WHERE' at the end of the query");
  EXPECT_EQ(located_error("RETURN [1, 2"), "1:13 UnexpectedSyntax: expected ']' to close the list at the end of the query");
  EXPECT_EQ(located_error("RETURN {a: 1"), "1:13 UnexpectedSyntax: expected '}' to close the map at the end of the query");
  EXPECT_EQ(located_error("RETURN f(1"),
            "1:11 UnexpectedSyntax: expected ')' to close the function call at the end of the query");
  EXPECT_EQ(located_error("RETURN CASE WHEN a THEN 1"), "1:26 UnexpectedSyntax: expected 'END' at the end of the query");
  EXPECT_EQ(located_error("RETURN a IS"), "1:12 UnexpectedSyntax: expected 'NULL' or 'NOT NULL' at the end of the query");
  EXPECT_EQ(located_error("RETURN a STARTS b"), "1:17 UnexpectedSyntax: expected 'WITH'");
  EXPECT_EQ(located_error("RETURN 1 +"), "1:11 UnexpectedSyntax: expected an expression after '+' at the end of the query");
  EXPECT_EQ(located_error("MATCH (n)-[r:T]>(m) RETURN n"), "1:16 UnexpectedSyntax: expected '-'");
  EXPECT_EQ(located_error("MATCH (n)--> RETURN n"),
            "1:14 UnexpectedSyntax: expected a node pattern '(...)' after the relationship");
  EXPECT_EQ(located_error("RETURN a["), "1:10 UnexpectedSyntax: expected an index or a slice after '[' at the end of the query");
  EXPECT_EQ(located_error("RETURN 1 2"), "1:10 UnexpectedSyntax: unexpected '2'");
  EXPECT_EQ(located_error(""), "1:1 UnexpectedSyntax: the query is empty");
  EXPECT_EQ(located_error(";"),
            "1:1 UnexpectedSyntax: expected a clause (MATCH, OPTIONAL MATCH, UNWIND, LOAD CSV, CALL, WITH, RETURN, "
            "CREATE, MERGE, SET, REMOVE, DELETE, DETACH DELETE, FOREACH)");
}

TEST(CypherError, SuggestsNearMissKeywords) {
  EXPECT_EQ(located_error("MATCH (n) RETRUN n"), "1:11 UnexpectedSyntax: unexpected 'RETRUN', did you mean 'RETURN'?");
  EXPECT_EQ(located_error("MACTH (n) RETURN n"), "1:1 UnexpectedSyntax: unexpected 'MACTH', did you mean 'MATCH'?");
  EXPECT_EQ(error("MATCH (n) RETURN n LIMT 1"), "unexpected 'LIMT', did you mean 'LIMIT'?");
  EXPECT_EQ(error("RETURN n.x AS y ORDER BY y DECS"), "unexpected 'DECS', did you mean 'DESC'?");
  EXPECT_EQ(error("MATCH (n) WHERE n.x = 1 RETRUN n"), "unexpected 'RETRUN', did you mean 'RETURN'?");
  EXPECT_EQ(error("RETURN a != b"), "unexpected '!=', did you mean '<>'?");
}

// EXISTS, COUNT and COLLECT followed by '{' are subqueries; followed by '('
// they stay the functions (and count(*)).
TEST(CypherSubquery, KeywordsBeforeABraceOnly) {
  EXPECT_EQ(expr("EXISTS { (n)-->() }"), "(exists (match (path (node n) (rel ->) (node))))");
  EXPECT_EQ(expr("count { (n)-->(m) WHERE m.x > 1 }"),
            "(count (match (path (node n) (rel ->) (node m)) (where (> (. m x) 1))))");
  EXPECT_EQ(expr("COLLECT { MATCH (n)-->(m) RETURN m }"),
            "(collect (match (path (node n) (rel ->) (node m))) (return (item m)))");
  EXPECT_EQ(expr("exists(n.name)"), "(fn exists (. n name))");
  EXPECT_EQ(expr("count(*)"), "(fn count *)");
  EXPECT_EQ(expr("collect(n)"), "(fn collect n)");
  EXPECT_EQ(error("RETURN EXISTS { MATCH (n) DELETE n }").substr(0, 41), "EXISTS { ... } only reads: DELETE cannot ");
  EXPECT_EQ(error("RETURN COLLECT { MATCH (n) }").substr(0, 43), "COLLECT { ... } ends with a RETURN of one c");
}

// CALL { ... }: a whole query (UNION included) in braces, after an optional
// scope clause, before an optional IN TRANSACTIONS.
TEST(CypherSubquery, CallSubqueryForms) {
  EXPECT_EQ(dump("MATCH (n) CALL { WITH n RETURN n.x AS x } RETURN x"),
            "(statement\n  (match (path (node n)))\n  (call-subquery (with (item n)) (return (item (. n x) AS x)))\n"
            "  (return (item x)))\n");
  EXPECT_EQ(dump("CALL (a, b) { RETURN 1 AS x UNION ALL RETURN 2 AS x } RETURN x"),
            "(statement\n  (call-subquery (import a b) (return (item 1 AS x)) (union-all (return (item 2 AS x))))\n"
            "  (return (item x)))\n");
  EXPECT_EQ(dump("CALL (*) { CREATE () } IN TRANSACTIONS OF 10 ROWS"),
            "(statement\n  (call-subquery (import *) (create (path (node))) (in-transactions 10)))\n");
  EXPECT_EQ(dump("CALL () { CREATE () } in transactions"), "(statement\n  (call-subquery (import) (create (path (node))) (in-transactions)))\n");
  EXPECT_EQ(error("CALL { RETURN 1 AS x"), "expected '}' to close the CALL subquery at the end of the query");
  EXPECT_EQ(error("CALL { MATCH (n) } RETURN 1"),
            "a CALL { ... } subquery cannot end with MATCH: add a RETURN clause (or an updating clause such as CREATE)");
  EXPECT_EQ(error("CALL { RETURN 1 AS x }"),
            "a query cannot end with CALL { ... }: add a RETURN clause (or an updating clause such as CREATE)");
  EXPECT_EQ(error("RETURN EXISTS { CALL { CREATE () } }"),
            "EXISTS { ... } only reads: CALL { ... } cannot change the graph inside it");
  EXPECT_EQ(error("MATCH (n) OPTIONAL CALL (n) { RETURN 1 AS x } RETURN x").substr(0, 36), "OPTIONAL CALL is not supported yet; ");
  EXPECT_EQ(error("UNWIND [1] AS i CALL (i) { CREATE () } IN TRANSACTIONS ON ERROR CONTINUE").substr(0, 60),
            "IN TRANSACTIONS with ON ERROR or REPORT STATUS is not suppor");
  EXPECT_EQ(error("UNWIND [1] AS i CALL (i) { CREATE () } IN TRANSACTIONS OF 5 ROWS REPORT STATUS AS s").substr(0, 30),
            "IN TRANSACTIONS with ON ERROR ");
  EXPECT_EQ(error("UNWIND [1] AS i CALL (i) { CREATE () } IN 4 CONCURRENT TRANSACTIONS").substr(0, 44),
            "IN CONCURRENT TRANSACTIONS is not supported ");
  EXPECT_EQ(error("FOREACH (x IN [1] | CALL { CREATE () })"),
            "CALL { ... } cannot be used inside FOREACH; run it once per element with UNWIND instead: UNWIND list AS "
            "x CALL (x) { ... }");
  EXPECT_EQ(error("CALL { CALL { CREATE () } IN TRANSACTIONS } RETURN 1").substr(0, 59),
            "CALL { ... } IN TRANSACTIONS cannot be nested in another su");
}

TEST(CypherClause, LoadCsv) {
  EXPECT_EQ(dump("LOAD CSV FROM 'file:///a.csv' AS row RETURN row"),
            "(statement\n  (load-csv \"file:///a.csv\" AS row)\n  (return (item row)))\n");
  EXPECT_EQ(dump("load csv with headers from $url as r fieldterminator ';' create ({n: r.n})"),
            "(statement\n  (load-csv-with-headers $url AS r (terminator \";\"))\n  (create (path (node (map (n (. r n)))))))\n");
  EXPECT_EQ(error("LOAD CSV FROM 'file:///a.csv' row RETURN row"), "expected 'AS'");
  EXPECT_EQ(error("LOAD CSV WITH HEADERS 'file:///a.csv' AS row RETURN row"), "expected 'FROM'");
}

TEST(CypherError, RelationshipDetailErrorsAreInvalidRelationshipPatterns) {
  EXPECT_EQ(located_error("MATCH (a)-[:LIKES..]->(c) RETURN c"),
            "1:18 InvalidRelationshipPattern: expected ']' to close the relationship pattern");
  EXPECT_EQ(located_error("MATCH (a)-[:LIKES*-2]->(c) RETURN c"),
            "1:19 InvalidRelationshipPattern: expected ']' to close the relationship pattern");
}

TEST(CypherError, DiagnosticsRenderWithFileLineAndCaret) {
  ParseResult r = testing::parse("MATCH (a:Company)\nWHERE a.name = 'Acme'\nRETRUN a.name", "q.cypher");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->code, "SyntaxError");
  EXPECT_EQ(r.error->detail, "UnexpectedSyntax");
  EXPECT_EQ(r.error->span.begin, 40u);
  EXPECT_EQ(r.error->span.end, 46u);
  EXPECT_EQ(text::render(r.error->diagnostic),
            "q.cypher:3:1: error: unexpected 'RETRUN', did you mean 'RETURN'?\n"
            "RETRUN a.name\n"
            "^~~~~~\n");
}

TEST(CypherError, InvalidUtf8IsRejected) {
  EXPECT_EQ(located_error("RETURN '\xff'"), "1:9 UnexpectedSyntax: the query is not valid UTF-8 here");
  // Found wherever it is among eight-byte runs of ASCII, and after valid multi-byte text.
  EXPECT_EQ(located_error("RETURN 'abcdefghijklmnop\xc3'"), "1:25 UnexpectedSyntax: the query is not valid UTF-8 here");
  EXPECT_EQ(located_error("RETURN 'abcdefg\xe2\x82'"), "1:16 UnexpectedSyntax: the query is not valid UTF-8 here");
  EXPECT_EQ(located_error("RETURN '\xc3\xa4" "bcdefghij\xff'"), "1:19 UnexpectedSyntax: the query is not valid UTF-8 here");
  EXPECT_TRUE(parse("RETURN 'abcdefgh\xc3\xa4ijklmnop\xe2\x82\xac'").ok());
}

TEST(CypherError, NestingIsCapped) {
  const std::string too_deep =
      "expression nested deeper than 1,000 levels here (brackets, operators and operator chains); split it with "
      "WITH or simplify it";
  std::string ok = "RETURN " + std::string(990, '(') + "1" + std::string(990, ')');
  EXPECT_EQ(dump(ok), "(statement\n  (return (item 1)))\n");
  // Every family at 10x and 50x the limit: an error at the level past it, no crash.
  for (int n : {10000, 50000}) {
    auto deep = [n](std::string open, std::string inner, std::string close) {
      std::string q = "RETURN ";
      for (int i = 0; i < n; ++i) q += open;
      q += inner;
      for (int i = 0; i < n; ++i) q += close;
      return q;
    };
    EXPECT_EQ(located_error(deep("[", "", "]")), "1:1008 UnexpectedSyntax: " + too_deep);
    EXPECT_EQ(located_error(deep("(", "1", ")")), "1:1008 UnexpectedSyntax: " + too_deep);
    EXPECT_EQ(located_error(deep("{a: ", "1", "}")).substr(0, 30), "1:4008 UnexpectedSyntax: expre");
    EXPECT_EQ(error(deep("-", "1", "")), too_deep);
    EXPECT_EQ(error(deep("NOT ", "x", "")), too_deep);
    EXPECT_EQ(error(deep("CASE WHEN x THEN ", "1", " END")), too_deep);
    EXPECT_EQ(error(deep("[y IN ", "[1]", " | y]")), too_deep);
    EXPECT_EQ(error(deep("abs(", "1", ")")), too_deep);
    for (std::string op : {" + ", " - ", " * ", " / ", " % ", " ^ "}) {
      std::string chain = "RETURN 1";
      for (int i = 0; i < n; ++i) chain += op + "1";
      EXPECT_EQ(located_error(chain), "1:8 UnexpectedSyntax: " + too_deep) << op;
    }
    std::string props = "RETURN a";
    for (int i = 0; i < n; ++i) props += ".b";
    EXPECT_EQ(error(props), too_deep);
  }
}

TEST(CypherError, LongFlatChainsAreFine) {
  // Arithmetic links nest one level each once bound: 999 of them fit.
  std::string sum = "RETURN 0";
  for (int i = 0; i < 999; ++i) sum += " + 1";
  ParseResult r = parse(sum);
  ASSERT_TRUE(r.ok());
  const auto& item = boost::get<ast::Return>(r.statements.at(0).query.first.clauses.at(0)).projection.items.at(0);
  EXPECT_EQ(ast::get_if<ast::Arithmetic>(item.expression)->links.size(), 999u);
  std::string ors = "MATCH (n) WHERE n.id = 0";
  for (int i = 1; i < 5000; ++i) ors += " OR n.id = " + std::to_string(i);
  EXPECT_TRUE(parse(ors + " RETURN n").ok());
}

}  // namespace
}  // namespace ergo::cypher

namespace ergo::cypher::testing {
namespace {

// Every node's span in an expression, outermost first, with its kind.
void spans_of(const ast::Expression& e, std::vector<std::string>& out) {
  ast::Span s = ast::span_of(e);
  out.push_back(std::to_string(e.get().which()) + "@" + std::to_string(s.begin) + "-" + std::to_string(s.end));
  if (auto* access = ast::get_if<ast::PropertyAccess>(e)) {
    out.push_back("key@" + std::to_string(access->key.span.begin) + "-" + std::to_string(access->key.span.end));
    spans_of(access->subject, out);
  }
}

// The spans of the first item of `RETURN <items>`.
std::vector<std::string> item_spans(const std::string& query) {
  ParseResult r = parse(query);
  EXPECT_TRUE(r.ok()) << query;
  std::vector<std::string> out;
  if (!r.ok()) return out;
  const auto& ret = boost::get<ast::Return>(r.statements[0].query.first.clauses.back().get());
  spans_of(ret.projection.items.at(0).expression, out);
  return out;
}

// Names, property chains and strings alone before ',' or the end take a
// shorter path through the parser; with `AS` after them they take the full
// one. The trees and their spans must be the same.
TEST(CypherParser, ShortPathForSimpleExpressionsBuildsTheSameTree) {
  for (std::string e : {"a", "a.name", "abc.d1.e_2.f", "'n5000'", "\"it''s \\u0041\""}) {
    EXPECT_EQ(expr(e), expr(e + " AS x").substr(0, expr(e).size())) << e;
    EXPECT_EQ(item_spans("RETURN " + e + ", 1"), item_spans("RETURN " + e + " AS x, 1")) << e;
  }
  EXPECT_EQ(dump("MATCH (a:Company {name: 'n5000'}) RETURN a.name, a.founded"),
            "(statement\n"
            "  (match (path (node a :Company (map (name \"n5000\")))))\n"
            "  (return (item (. a name)) (item (. a founded))))\n");
}

}  // namespace
}  // namespace ergo::cypher::testing
