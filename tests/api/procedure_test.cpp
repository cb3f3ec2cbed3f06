// Database::add_procedure through the public API: a program's procedure
// called standalone and inside queries, its arguments checked and coerced
// as the signature says, and every mistake reported with its code.
#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <stdexcept>

#include "tests/api/api_test_support.hpp"

namespace ergo {
namespace {

// shop.discount(price :: FLOAT, percent :: INTEGER?) :: (price :: FLOAT):
// the price less `percent` (10 when null).
class Discount final : public Procedure {
 public:
  std::vector<std::vector<Value>> call(const std::vector<Value>& args) const override {
    ++calls;
    EXPECT_EQ(args.at(0).type(), Value::Type::floating);  // an integer price arrives as a float
    const double percent = args.at(1).is_null() ? 10.0 : static_cast<double>(args.at(1).as_int());
    return {{Value(args.at(0).as_double() * (100.0 - percent) / 100.0)}};
  }
  mutable std::atomic<int> calls{0};
};

class Failing final : public Procedure {
 public:
  std::vector<std::vector<Value>> call(const std::vector<Value>&) const override {
    throw std::runtime_error("the warehouse is offline");
  }
};

class TooWide final : public Procedure {
 public:
  std::vector<std::vector<Value>> call(const std::vector<Value>&) const override { return {{Value(1), Value(2)}}; }
};

class Nothing final : public Procedure {
 public:
  std::vector<std::vector<Value>> call(const std::vector<Value>&) const override { return {}; }
};

Error error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error";
  return Error(ErrorKind::runtime_error, "none");
}

TEST(AddProcedure, CalledStandaloneAndInQueries) {
  Database db;
  auto discount = std::make_shared<Discount>();
  db.add_procedure("shop.discount(price :: FLOAT, percent :: INTEGER?) :: (price :: FLOAT)", discount);
  Result r = db.execute("CALL shop.discount(200, 25)");
  EXPECT_EQ(r.columns(), (std::vector<std::string>{"price"}));
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.row(0)[0], Value(150.0));
  r = db.execute("UNWIND [100, 50.0] AS p CALL shop.discount(p, null) YIELD price RETURN p, price ORDER BY p");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r.row(0)[1], Value(45.0));
  EXPECT_EQ(r.row(1)[1], Value(90.0));
  EXPECT_EQ(discount->calls.load(), 3);
  // Listed by neither name twice, found with a did-you-mean.
  Error e = error_of([&] { db.execute("CALL shop.discont(1, 2)"); });
  EXPECT_EQ(e.code(), "ProcedureNotFound");
  EXPECT_NE(e.message().find("did you mean 'shop.discount'?"), std::string::npos) << e.message();
  // Listed with the built-in ones.
  r = db.execute("SHOW PROCEDURES YIELD name, signature WHERE name STARTS WITH 'shop.' RETURN name, signature");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.row(0)[1], Value("shop.discount(price :: FLOAT, percent :: INTEGER?) :: (price :: FLOAT)"));
  EXPECT_EQ(db.execute("CALL ergo.procedures() YIELD name WHERE name = 'shop.discount' RETURN name").size(), 1u);
  EXPECT_EQ(Database().execute("CALL ergo.procedures() YIELD name WHERE name = 'shop.discount' RETURN name").size(),
            0u);
  // Prepared queries see it too.
  PreparedQuery q = db.prepare("CALL shop.discount($p, 50) YIELD price RETURN price");
  EXPECT_EQ(q.execute({{"p", 10}}).row(0)[0], Value(5.0));
}

TEST(AddProcedure, ArgumentsAreChecked) {
  Database db;
  db.add_procedure("shop.discount(price :: FLOAT, percent :: INTEGER?) :: (price :: FLOAT)",
                   std::make_shared<Discount>());
  Error e = error_of([&] { db.execute("CALL shop.discount('cheap', 1)"); });
  EXPECT_EQ(e.kind(), ErrorKind::syntax_error);
  EXPECT_EQ(e.code(), "InvalidArgumentType");
  e = error_of([&] { db.execute("CALL shop.discount(null, 1)"); });  // FLOAT without `?` takes no null
  EXPECT_EQ(e.code(), "InvalidArgumentValue");
  e = error_of([&] { db.execute("CALL shop.discount(1)"); });
  EXPECT_EQ(e.code(), "InvalidNumberOfArguments");
  EXPECT_NE(e.message().find("shop.discount(price :: FLOAT, percent :: INTEGER?) :: (price :: FLOAT)"),
            std::string::npos)
      << e.message();
}

TEST(AddProcedure, VoidProceduresKeepRows) {
  Database db;
  db.add_procedure("audit.note(text :: STRING?) :: VOID", std::make_shared<Nothing>());
  EXPECT_EQ(db.execute("CALL audit.note('x')").size(), 0u);
  Result r = db.execute("UNWIND [1, 2] AS x CALL audit.note(toString(x)) RETURN x");
  EXPECT_EQ(r.size(), 2u);
}

TEST(AddProcedure, ItsFailuresAreErrors) {
  Database db;
  db.add_procedure("shop.stock() :: (n :: INTEGER)", std::make_shared<Failing>());
  db.add_procedure("shop.wide() :: (n :: INTEGER)", std::make_shared<TooWide>());
  Error e = error_of([&] { db.execute("CALL shop.stock()"); });
  EXPECT_EQ(e.kind(), ErrorKind::runtime_error);
  EXPECT_EQ(e.code(), "ProcedureCallFailed");
  EXPECT_NE(e.message().find("shop.stock failed: the warehouse is offline"), std::string::npos) << e.message();
  e = error_of([&] { db.execute("CALL shop.wide()"); });
  EXPECT_EQ(e.code(), "ProcedureCallFailed");
  EXPECT_NE(e.message().find("returned a row of 2 values; its signature has 1 fields"), std::string::npos);
}

TEST(AddProcedure, BadSignaturesAndTakenNames) {
  Database db;
  Error e = error_of([&] { db.add_procedure("shop.x(a :: INTEGR) :: (b :: STRING)", std::make_shared<Nothing>()); });
  EXPECT_EQ(e.kind(), ErrorKind::syntax_error);
  EXPECT_EQ(e.code(), "InvalidProcedureSignature");
  EXPECT_EQ(e.column(), 13u);
  EXPECT_NE(e.message().find("expected a type"), std::string::npos) << e.message();
  e = error_of([&] { db.add_procedure("shop.x(a :: INTEGER) (b :: STRING)", std::make_shared<Nothing>()); });
  EXPECT_NE(e.message().find("expected '::'"), std::string::npos) << e.message();
  e = error_of([&] { db.add_procedure("ergo.pageRank() :: (x :: ANY)", std::make_shared<Nothing>()); });
  EXPECT_EQ(e.code(), "ProcedureAlreadyExists");
  db.add_procedure("shop.y() :: VOID", std::make_shared<Nothing>());
  e = error_of([&] { db.add_procedure("shop.y() :: VOID", std::make_shared<Nothing>()); });
  EXPECT_EQ(e.code(), "ProcedureAlreadyExists");
  e = error_of([&] { db.add_procedure("shop.z() :: VOID", nullptr); });
  EXPECT_EQ(e.kind(), ErrorKind::argument_error);
}

}  // namespace
}  // namespace ergo
