# The kit's data directory in miniature, for the ergo-bench tests: three
# nodes and two relationships in the kit's CSV shape, one read (`q1`, a
# whole `Q1 ...` line) and a writes file with every phase form.
# Checks one field of the JSON in the caller's `json` (a string(JSON) path).
function(expect path expected)
  string(JSON actual ERROR_VARIABLE error GET "${json}" ${path})
  if(error OR NOT actual STREQUAL expected)
    message(FATAL_ERROR "${path}: expected '${expected}', got '${actual}' ${error}\n${json}")
  endif()
endfunction()

function(write_tiny_kit data q1)
  file(MAKE_DIRECTORY ${data})
  file(WRITE ${data}/nodes.csv "id,name,label,founded\n0,n0,Company,2000\n1,n1,Person,1990\n2,n2,Company,2010\n")
  file(WRITE ${data}/edges.csv "src,dst,type,since\n0,1,INVESTS,2020\n1,2,FOUNDED,2021\n")
  file(WRITE ${data}/queries.natural.cypher "${q1}\n")
  file(WRITE ${data}/writes.natural.cypher
    "W1 CREATE (:Person {name: 'w0', founded: 2024})\n"
    "W1 CREATE (:Person {name: 'w1', founded: 2024})\n"
    "W2 MATCH (a:Person {name: 'w0'}), (b:Company {name: 'n2'}) CREATE (a)-[:INVESTS {since: 2024}]->(b)\n"
    "W3 MATCH (a:Company {name: 'n0'}) SET a.founded = 1999\n"
    "W4 MATCH (a:Person {name: 'n1'}) DETACH DELETE a\n")
endfunction()
