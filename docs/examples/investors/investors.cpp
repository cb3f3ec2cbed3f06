// Who invested in a company (OpenAI unless named), how much, and which
// document and line say so: the bundled graph read through ergo's C++ API.
//   investors [COMPANY] [DATA_DIR]      e.g.  investors 오픈AI
// See docs/embedding.md.
#include <ergo/ergo.hpp>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  const std::string company = argc > 1 ? argv[1] : "OpenAI";
  const std::string data_dir = argc > 2 ? argv[2] : ERGO_DATA_DIR;  // the installed bundled graph
  try {
    ergo::Database db = ergo::Database::open({data_dir});

    // Any spelling the graph knows: "OpenAI", "openai", "오픈AI".
    ergo::Result found = db.find_by_name(company);
    if (found.empty()) {
      std::cerr << "investors: nothing is named '" << company << "'\n";
      return 1;
    }
    const std::string name = found.property(found.at(0)["node"].as_node(), "name").as_string();

    // Named parameter $name; nodes and relationships come back as ids whose
    // properties the result reads on demand.
    ergo::Result deals = db.execute(R"(
        MATCH (investor)-[deal:INVESTS_IN]->({name: $name})
        OPTIONAL MATCH (doc:Document {name: deal.source})
        RETURN investor, deal, doc.title AS document
        ORDER BY deal.source, deal.line)",
                                    {{"name", name}});

    if (deals.empty()) {
      std::cout << "no fact says who invested in " << name << '\n';
      return 0;
    }
    std::cout << deals.size() << (deals.size() == 1 ? " fact says" : " facts say") << " who invested in " << name
              << ":\n";
    for (const ergo::Row& row : deals) {
      const ergo::NodeRef investor = row["investor"].as_node();
      const ergo::RelationshipRef deal = row["deal"].as_relationship();
      std::cout << "- " << deals.property(investor, "name").as_string();
      if (ergo::Value amount = deals.property(deal, "amount"); !amount.is_null()) {
        std::cout << " invested " << amount.as_int() << ' ' << deals.property(deal, "currency").as_string();
      }
      if (ergo::Value date = deals.property(deal, "date"); !date.is_null()) {
        std::cout << " on " << date.as_date().to_string();
      }
      std::cout << "\n  source: " << deals.property(deal, "source").as_string() << ", line "
                << deals.property(deal, "line").as_int();
      if (!row["document"].is_null()) std::cout << " (" << row["document"].as_string() << ")";
      std::cout << '\n';
    }
  } catch (const ergo::Error& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
  return 0;
}
