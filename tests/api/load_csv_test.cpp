// LOAD CSV through the embedding API: Database::set_import_directory, the
// rows a file gives (lists, maps with headers, null for empty fields), the
// refusals, and that a load failing halfway leaves nothing behind.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tests/api/api_test_support.hpp"

namespace ergo {
namespace {

namespace fs = std::filesystem;
using api_test::error_of;

class LoadCsvTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ergo-load-csv-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_ / "import");
    db_.set_import_directory((dir_ / "import").string());
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / "import" / name, std::ios::binary) << text;
  }

  // Each row's first column in Cypher notation.
  std::vector<std::string> column(const std::string& query) {
    std::vector<std::string> out;
    Result r = db_.execute(query);
    for (const auto& row : r.rows()) out.push_back(row.at(0).to_cypher());
    return out;
  }

  fs::path dir_;
  Database db_;
};

TEST_F(LoadCsvTest, RowsAreListsOfStringsWithNullForEmptyFields) {
  write("a.csv", "x,\"y, z\",\n\"\",\"say \"\"hi\"\"\"\r\n\nlast\n");
  EXPECT_EQ(column("LOAD CSV FROM 'file:///a.csv' AS row RETURN row"),
            (std::vector<std::string>{"['x', 'y, z', null]", "['', 'say \"hi\"']", "['last']"}));
}

TEST_F(LoadCsvTest, WithHeadersRowsAreMapsAndMissingFieldsAreNull) {
  write("people.csv", "\xEF\xBB\xBFname,born\nAda,1815\nCharles\n");
  EXPECT_EQ(column("LOAD CSV WITH HEADERS FROM 'file:///people.csv' AS row RETURN row"),
            (std::vector<std::string>{"{born: '1815', name: 'Ada'}", "{born: null, name: 'Charles'}"}));
  write("empty.csv", "");
  EXPECT_TRUE(column("LOAD CSV WITH HEADERS FROM 'file:///empty.csv' AS row RETURN row").empty());
}

TEST_F(LoadCsvTest, FieldTerminatorAndSubdirectoriesAndEscapes) {
  fs::create_directories(dir_ / "import" / "sub dir");
  write("sub dir/t.tsv", "a\tb\n1\t2\n");
  EXPECT_EQ(column("LOAD CSV WITH HEADERS FROM 'file:///sub%20dir/t.tsv' AS r FIELDTERMINATOR '\\t' RETURN r.b"),
            (std::vector<std::string>{"'2'"}));
  EXPECT_EQ(column("LOAD CSV FROM 'file:/sub dir/t.tsv' AS r FIELDTERMINATOR '\\t' RETURN r[0]"),
            (std::vector<std::string>{"'a'", "'1'"}));
}

TEST_F(LoadCsvTest, TheUrlMayComeFromTheRow) {
  write("1.csv", "one\n");
  write("2.csv", "two\nzwei\n");
  EXPECT_EQ(column("UNWIND [1, 2] AS i LOAD CSV FROM 'file:///' + i + '.csv' AS r RETURN i + ':' + r[0]"),
            (std::vector<std::string>{"'1:one'", "'2:two'", "'2:zwei'"}));
}

TEST_F(LoadCsvTest, CreatesWhatItReadsAndAFailureLeavesNothing) {
  write("good.csv", "name\nA\nB\n");
  Result r = db_.execute("LOAD CSV WITH HEADERS FROM 'file:///good.csv' AS row CREATE (:T {name: row.name})");
  EXPECT_EQ(r.stats().nodes_created, 2);
  write("bad.csv", "name\nC\n\"D\"x\n");
  Error e = error_of([&] { db_.execute("LOAD CSV WITH HEADERS FROM 'file:///bad.csv' AS row CREATE (:T {name: row.name})"); });
  EXPECT_EQ(e.kind(), ErrorKind::data_error);
  EXPECT_EQ(e.message(),
            "cannot read 'file:///bad.csv' at line 3, column 4: text after the closing quote of a field: quote the "
            "whole field, writing a quote inside it twice (\"\")");
  EXPECT_EQ(db_.node_count(), 2u);
}

TEST_F(LoadCsvTest, RefusalsSayWhatToDo) {
  write("a.csv", "x\n");
  fs::create_symlink("/etc/hostname", dir_ / "import" / "link.csv");
  auto message = [&](const std::string& query) { return error_of([&] { db_.execute(query); }).message(); };
  const std::string import = (dir_ / "import").string();
  EXPECT_EQ(message("LOAD CSV FROM 'file:///../a.csv' AS r RETURN r"),
            "'file:///../a.csv' points outside the import directory " + import + "; LOAD CSV reads only files inside it");
  EXPECT_EQ(message("LOAD CSV FROM 'file:///link.csv' AS r RETURN r"),
            "'file:///link.csv' points outside the import directory " + import + "; LOAD CSV reads only files inside it");
  EXPECT_EQ(message("LOAD CSV FROM 'http://example.com/a.csv' AS r RETURN r"),
            "LOAD CSV reads only file: URLs here ('http:' is not fetched); download the file into the import "
            "directory and load 'file:///NAME.csv'");
  EXPECT_EQ(message("LOAD CSV FROM 'a.csv' AS r RETURN r"),
            "LOAD CSV takes a file: URL, like 'file:///a.csv' for a file in the import directory");
  EXPECT_EQ(message("LOAD CSV FROM 'file:///a%2.csv' AS r RETURN r"),
            "the URL 'file:///a%2.csv' has a malformed %-escape (write a space as %20, a % as %25)");
  EXPECT_EQ(message("LOAD CSV FROM null AS r RETURN r"),
            "LOAD CSV needs the file's URL as a STRING, like 'file:///people.csv', got NULL");
  Error missing = error_of([&] { db_.execute("LOAD CSV FROM 'file:///nope.csv' AS r RETURN r"); });
  EXPECT_EQ(missing.kind(), ErrorKind::io_error);
  EXPECT_EQ(missing.code(), "ExternalResourceFailed");

  db_.set_import_directory("");
  EXPECT_EQ(db_.import_directory(), "");
  EXPECT_EQ(message("LOAD CSV FROM 'file:///a.csv' AS r RETURN r"),
            "LOAD CSV reads files only from an import directory, and none is set: start ergo with --import-dir DIR "
            "(ergo serve too), or call Database::set_import_directory(DIR), and put the file there");
  EXPECT_EQ(error_of([&] { db_.execute("LOAD CSV FROM 'file:///a.csv' AS r FIELDTERMINATOR 'ab' RETURN r"); }).code(),
            "InvalidArgumentValue");
}

}  // namespace
}  // namespace ergo
