// The export writers: the whole graph in one format each (docs/export.md).
// Each writes the live nodes in id order, then the live relationships, and
// throws ergo::Error (data_error) on the first thing the format cannot
// express, naming the element and the format that can. A writer may have
// written part of the output when it throws: the api layer runs it once
// into nothing first (Database::dump), so a failed dump writes nothing.
#pragma once

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>

#include "engine/store/graph.hpp"

namespace ergo::dump {

// .kg triples that load back into the same graph (kg_writer.cpp).
void write_kg(const store::Graph& graph, std::ostream& out);

// A Cypher script of UNWIND batches of at most `batch_rows` rows
// (cypher_writer.cpp).
void write_cypher(const store::Graph& graph, std::ostream& out, std::size_t batch_rows);

// neo4j-admin import CSV (csv_writer.cpp): nodes.csv and relationships.csv,
// and nodes-2.csv, relationships-2.csv, ... when a key holds values of
// several types; `open` gives the stream for each file, in that order.
using CsvOpener = std::function<std::ostream&(const std::string& name)>;
void write_csv(const store::Graph& graph, const CsvOpener& open);

// GraphML with typed keys (graphml_writer.cpp).
void write_graphml(const store::Graph& graph, std::ostream& out);

// JSON Lines as apoc.export.json writes them (jsonl_writer.cpp).
void write_jsonl(const store::Graph& graph, std::ostream& out);

}  // namespace ergo::dump
