// The ergo binary against inputs a fuzzer or an attacker sends (issue 18):
// each run ends by itself with the right answer or an error and exit status.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>

#include "tests/cli/run_ergo.hpp"

namespace ergo::testing {
namespace {

TEST(HostileInput, ParamValueIsNeverSplicedIntoTheQuery) {
  ErgoRun run = run_ergo({"--param", "x=1 AS value LIMIT 0 UNION ALL UNWIND range(1,3) AS value RETURN collect(value)",
                          "-e", "RETURN $x AS x"});
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.out, "");
  const std::string value = "1 AS value LIMIT 0 UNION ALL UNWIND range(1,3) AS value RETURN collect(value)";
  EXPECT_EQ(run.err, "ergo: --param x: '" + value +
                                        "' is not a Cypher literal at column 3: expected the end of the value (one "
                                        "literal only)\n  " + value + "\n    ^\nTry 'ergo --help' for more information.\n");
}

const std::string full_disk =
    " No space left on device (the rows were not all written; free space or choose another file with -o or :output)\n";

// A full disk used to lose the rows and exit 0 (docs/cli.md promises 1).
TEST(HostileInput, WritingToAFullDeviceIsAnError) {
  ErgoRun file = run_ergo({"-o", "/dev/full", "-e", "UNWIND range(1,3) AS x RETURN x"});
  EXPECT_EQ(file.status, 1);
  EXPECT_EQ(file.err, "<command line>:1: error: cannot write to '/dev/full':" + full_disk);

  ErgoRun shell = run_ergo({}, ":output /dev/full\nRETURN 1 AS x;\n");
  EXPECT_EQ(shell.status, 1);
  EXPECT_EQ(shell.err, "<stdin>:2: error: cannot write to '/dev/full':" + full_disk);

  TempDir dir;
  for (std::string query : {"UNWIND range(1,3) AS x RETURN x", "UNWIND range(1,100000) AS x RETURN x", ":schema"}) {
    std::string command = ergo_binary() + " -e '" + query + "' > /dev/full 2> " + (dir / "err").string();
    int status = std::system(command.c_str());
    ASSERT_TRUE(WIFEXITED(status)) << query;
    EXPECT_EQ(WEXITSTATUS(status), 1) << query;
    EXPECT_EQ(slurp(dir / "err"), "<command line>:1: error: cannot write to standard output:" + full_disk) << query;
  }
}

// A .kg symlink loop used to end ergo with SIGABRT; a device, never.
TEST(HostileInput, UnreadableSourcesExitOne) {
  TempDir dir;
  std::filesystem::create_symlink("b.kg", dir / "a.kg");
  std::filesystem::create_symlink("a.kg", dir / "b.kg");
  ErgoRun loop = run_ergo({dir.path().string(), "-e", "RETURN 1"});
  EXPECT_EQ(loop.status, 1);
  EXPECT_NE(loop.err.find((dir / "a.kg").string() + ": error: cannot read file: Too many levels of symbolic links\n"),
            std::string::npos)
      << loop.err;
  EXPECT_NE(loop.err.find("2 errors; nothing was loaded\n"), std::string::npos) << loop.err;
  ErgoRun device = run_ergo({"/dev/zero", "-e", "RETURN 1"});
  EXPECT_EQ(device.status, 1);
  EXPECT_EQ(device.err, "/dev/zero: error: cannot read file: not a regular file\n1 error; nothing was loaded\n");
}

}  // namespace
}  // namespace ergo::testing
