// The procedures Neo4j's tools call to learn a database, as Neo4j names
// them: db.labels(), db.relationshipTypes(), db.propertyKeys() (what the
// graph uses, in the order the names first appeared, as Neo4j lists its
// tokens), dbms.components() (which server this is), dbms.procedures()
// (the catalogue, which ergo.procedures() also lists) and dbms.functions()
// (every function a query can call, from the function table's docs).
#include "engine/algo/catalog.hpp"
#include "engine/algo/families.hpp"
#include "engine/eval/function_docs.hpp"
#include "engine/eval/function_table.hpp"

#ifndef ERGO_VERSION
#error "ERGO_VERSION is set by engine/CMakeLists.txt"
#endif

namespace ergo::algo {
namespace {

// One row per name of `names` (in id order: the order they first
// appeared) whose id `keep` accepts.
template <class Id, class Keep>
Rows names_where(const store::Interner<Id>& names, Keep keep) {
  Rows rows;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (keep(static_cast<Id>(i))) rows.push_back({Value(names.name(static_cast<Id>(i)))});
  }
  return rows;
}

Procedure labels_procedure() {
  Procedure p;
  p.name = "db.labels";
  p.description = "The labels of the graph's nodes, each once, in the order they first appeared.";
  p.fields = {{"label", Type::string}};
  p.run = [](const CallContext& c, const Arguments&) {
    return names_where(c.graph.labels(), [&](store::LabelId l) { return !c.graph.nodes_with_label(l).empty(); });
  };
  return p;
}

Procedure relationship_types_procedure() {
  Procedure p;
  p.name = "db.relationshipTypes";
  p.description = "The types of the graph's relationships, each once, in the order they first appeared.";
  p.fields = {{"relationshipType", Type::string}};
  p.run = [](const CallContext& c, const Arguments&) {
    std::vector<bool> used(c.graph.types().size(), false);
    for (store::RelId r = 0; r < c.graph.relationship_count(); ++r) {
      if ((r & 0xFFFF) == 0) c.check_cancelled();
      if (c.graph.relationship_exists(r)) used[c.graph.type_of(r)] = true;
    }
    return names_where(c.graph.types(), [&](store::TypeId t) { return used[t]; });
  };
  return p;
}

Procedure property_keys_procedure() {
  Procedure p;
  p.name = "db.propertyKeys";
  p.description =
      "The property keys any node or relationship has had, each once, in the order they first appeared "
      "(as in Neo4j, a key stays listed after the last value under it is removed).";
  p.fields = {{"propertyKey", Type::string}};
  p.run = [](const CallContext& c, const Arguments&) {
    return names_where(c.graph.keys(),
                       [&](store::KeyId k) { return c.graph.node_column(k) || c.graph.relationship_column(k); });
  };
  return p;
}

Procedure components_procedure() {
  Procedure p;
  p.name = "dbms.components";
  p.description = "Which database answers: its name, versions and edition.";
  p.fields = {{"name", Type::string}, {"versions", Type::string_list}, {"edition", Type::string}};
  p.run = [](const CallContext&, const Arguments&) {
    return Rows{{Value("ergo"), Value(List{Value(ERGO_VERSION)}), Value("community")}};
  };
  return p;
}

Procedure dbms_procedures_procedure() {
  Procedure p;
  p.name = "dbms.procedures";
  p.description =
      "Lists every procedure with its signature, what it does, its mode (all of ergo's only read) and whether it "
      "works on Neo4j's system database (none does); SHOW PROCEDURES shows it.";
  p.fields = {{"name", Type::string}, {"signature", Type::string}, {"description", Type::string},
              {"mode", Type::string}, {"worksOnSystem", Type::boolean}};
  p.run = [](const CallContext& c, const Arguments&) {
    Rows rows;
    for (const Procedure* q : listed_procedures(c)) {
      rows.push_back({Value(q->name), Value(signature(*q)), Value(q->description), Value("READ"), Value(false)});
    }
    return rows;
  };
  return p;
}

Procedure dbms_functions_procedure() {
  Procedure p;
  p.name = "dbms.functions";
  p.description =
      "Lists every function a query can call with its signature, what it does, its category and whether it "
      "aggregates; SHOW FUNCTIONS shows it.";
  p.fields = {{"name", Type::string},        {"signature", Type::string},   {"description", Type::string},
              {"category", Type::string},    {"aggregating", Type::boolean}, {"isBuiltIn", Type::boolean}};
  p.run = [](const CallContext&, const Arguments&) {
    Rows rows;
    for (const eval::FunctionDoc& f : eval::function_docs()) {
      const eval::FunctionEntry* entry = eval::lookup_function(f.name);
      const bool aggregating = entry && entry->kind == eval::FunctionKind::aggregate;
      rows.push_back({Value(std::string(f.name)), Value(std::string(f.signature)), Value(std::string(f.description)),
                      Value(std::string(f.category)), Value(aggregating), Value(true)});
    }
    return rows;
  };
  return p;
}

}  // namespace

std::vector<Procedure> database_procedures() {
  return {labels_procedure(),     relationship_types_procedure(), property_keys_procedure(),
          components_procedure(), dbms_procedures_procedure(),    dbms_functions_procedure()};
}

}  // namespace ergo::algo
