// The procedure families, one file each; registry.cpp gathers them.
#pragma once

#include <vector>

#include "engine/algo/procedure.hpp"

namespace ergo::algo {

std::vector<Procedure> path_procedures();        // paths.cpp: shortestPath, allShortestPaths, dijkstra
std::vector<Procedure> khop_procedures();        // khop.cpp: khop
std::vector<Procedure> component_procedures();   // components.cpp: wcc, scc
std::vector<Procedure> centrality_procedures();  // centrality.cpp: pageRank, betweenness, degree
std::vector<Procedure> triangle_procedures();    // triangles.cpp: triangles
std::vector<Procedure> find_procedures();        // find.cpp: find (names and aliases)
std::vector<Procedure> evidence_procedures();    // evidence.cpp: evidence
std::vector<Procedure> database_procedures();    // database_procedures.cpp: db.labels, dbms.components, ...

}  // namespace ergo::algo
