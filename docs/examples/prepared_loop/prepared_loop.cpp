// One query prepared once and executed for every company in the bundled
// graph with a different $name: the company's neighbours and the kinds of
// relationship that link them. See docs/embedding.md.
//   prepared_loop [DATA_DIR]
#include <ergo/ergo.hpp>

#include <cstdint>
#include <iomanip>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
  const std::string data_dir = argc > 1 ? argv[1] : ERGO_DATA_DIR;  // the installed bundled graph
  try {
    ergo::Database db = ergo::Database::open({data_dir});

    // Parsed and checked once, here.
    const ergo::PreparedQuery neighbours = db.prepare(R"(
        MATCH (c:Company {name: $name})-[r]-(other)
        RETURN count(DISTINCT other) AS neighbours, collect(DISTINCT type(r)) AS types)");

    ergo::Result companies = db.execute("MATCH (c:Company) RETURN c.name AS name ORDER BY name");
    for (const ergo::Row& company : companies) {
      const std::string& name = company["name"].as_string();
      // Executed many times: only binding and running happen per call.
      ergo::Result r = neighbours.execute({{"name", name}});
      const ergo::Row row = r.at(0);
      const std::int64_t n = row["neighbours"].as_int();
      std::cout << std::left << std::setw(22) << name << std::right << std::setw(3) << n
                << (n == 1 ? " neighbour" : " neighbours");
      const ergo::List& types = row["types"].as_list();
      for (std::size_t i = 0; i < types.size(); ++i) std::cout << (i ? ", " : "  via ") << types[i].as_string();
      std::cout << '\n';
    }
  } catch (const ergo::Error& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
  return 0;
}
