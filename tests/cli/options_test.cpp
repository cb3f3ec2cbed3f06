// The command line parsed: every option in both spellings, order of -e and
// -f kept, and usage errors for what is wrong.
#include "tools/ergo/options.hpp"

#include <gtest/gtest.h>

namespace ergo::cli {
namespace {

TEST(Options, ParsesEveryOption) {
  Options o = parse_options({"-e", "RETURN 1", "--file=a.cypher", "--execute", "RETURN 2", "-fb.cypher", "--format",
                             "json", "--param", "x=1", "--param=$y='a=b'", "--params", "p.json", "--no-header", "-o",
                             "out.txt", "--timing", "--continue-on-error", "data/", "more.kg"});
  ASSERT_EQ(o.jobs.size(), 4u);
  EXPECT_EQ(o.jobs[0].text, "RETURN 1");
  EXPECT_EQ(o.jobs[1].kind, Job::Kind::file);
  EXPECT_EQ(o.jobs[1].text, "a.cypher");
  EXPECT_EQ(o.jobs[2].text, "RETURN 2");
  EXPECT_EQ(o.jobs[3].text, "b.cypher");
  EXPECT_EQ(o.format, Format::json);
  EXPECT_EQ(o.params, (std::vector<std::pair<std::string, std::string>>{{"x", "1"}, {"y", "'a=b'"}}));
  EXPECT_EQ(o.params_files, std::vector<std::string>{"p.json"});
  EXPECT_FALSE(o.header);
  EXPECT_EQ(o.output, "out.txt");
  EXPECT_TRUE(o.timing);
  EXPECT_TRUE(o.continue_on_error);
  EXPECT_EQ(o.sources, (std::vector<std::string>{"data/", "more.kg"}));
}

TEST(Options, DoubleDashEndsOptions) {
  Options o = parse_options({"--", "-odd-name.kg"});
  EXPECT_EQ(o.sources, std::vector<std::string>{"-odd-name.kg"});
}

TEST(Options, RejectsWhatIsWrong) {
  EXPECT_THROW(parse_options({"--nope"}), UsageError);
  EXPECT_THROW(parse_options({"-e"}), UsageError);
  EXPECT_THROW(parse_options({"--format", "xml"}), UsageError);
  EXPECT_THROW(parse_options({"--param", "novalue"}), UsageError);
  EXPECT_THROW(parse_options({"--timing=yes"}), UsageError);
  EXPECT_THROW(parse_options({"-o", ""}), UsageError);
}

TEST(Options, ParsesTheLimits) {
  Options o = parse_options({"--timeout", "2", "--max-query-length=4096"});
  EXPECT_EQ(o.timeout, std::chrono::milliseconds(2000));
  EXPECT_EQ(o.max_query_length, std::optional<std::size_t>(4096));
  Options none = parse_options({});
  EXPECT_EQ(none.timeout, std::chrono::milliseconds(0));
  EXPECT_EQ(none.max_query_length, std::nullopt);
  EXPECT_EQ(parse_timeout("0.5"), std::chrono::milliseconds(500));
  EXPECT_EQ(parse_timeout("0.0001"), std::chrono::milliseconds(1));  // a tiny limit is still one
  EXPECT_EQ(parse_timeout("0"), std::chrono::milliseconds(0));
  EXPECT_EQ(parse_timeout("1000000"), std::chrono::milliseconds(1000000000));
  for (const char* bad : {"", "-1", "1e3", "2s", "1000001", ".", "nan", "inf"}) {
    EXPECT_EQ(parse_timeout(bad), std::nullopt) << bad;
  }
  EXPECT_EQ(parse_byte_count("0"), std::optional<std::size_t>(0));
  EXPECT_EQ(parse_byte_count("1234567890123456789"), std::nullopt);  // 19 digits
  EXPECT_EQ(parse_byte_count("12k"), std::nullopt);
  EXPECT_EQ(parse_size("512"), std::optional<std::size_t>(512));
  EXPECT_EQ(parse_size("64K"), std::optional<std::size_t>(65536));
  EXPECT_EQ(parse_size("2m"), std::optional<std::size_t>(2u << 20));
  EXPECT_EQ(parse_size("1024G"), std::optional<std::size_t>(std::size_t{1} << 40));
  EXPECT_EQ(parse_size("1025G"), std::nullopt);
  EXPECT_EQ(parse_size("G"), std::nullopt);
  EXPECT_EQ(parse_size("1.5G"), std::nullopt);
  EXPECT_EQ(parse_options({"--max-memory=0"}).max_memory, 0u);
}

TEST(Options, RejectsBadLimits) {
  auto message = [](const std::vector<std::string>& args) {
    try {
      parse_options(args);
    } catch (const UsageError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message({"--timeout", "soon"}),
            "--timeout needs a number of seconds from 0 to 1000000, e.g. 2 or 0.5, not 'soon'");
  EXPECT_EQ(message({"--max-query-length", "-3"}),
            "--max-query-length needs a number of bytes, e.g. 1048576 or 0 for none, not '-3'");
  EXPECT_EQ(message({"--threads", "two"}),
            "--threads needs a number of threads from 1 to 1024, or 0 for one per core; not 'two'");
  EXPECT_EQ(message({"--threads=1025"}),
            "--threads needs a number of threads from 1 to 1024, or 0 for one per core; not '1025'");
}

TEST(Options, ParsesThreads) {
  EXPECT_EQ(parse_options({}).threads, 0u);
  EXPECT_EQ(parse_options({"--threads", "1"}).threads, 1u);
  EXPECT_EQ(parse_options({"--threads=0"}).threads, 0u);
  EXPECT_EQ(parse_options({"--threads", "1024"}).threads, 1024u);
}

// A build without Graphviz refuses every diagram option before it reads
// them (tests/layering/no_graphviz_test.cpp), so these apply only to a
// build that draws.
#if ERGO_WITH_GRAPHVIZ
TEST(Options, ParsesTheDiagramOptions) {
  Options o = parse_options({"-e", "RETURN 1", "--render", "a.PNG", "--layout=sfdp", "--context", "--korean"});
  EXPECT_EQ(o.render_file, "a.PNG");
  EXPECT_EQ(o.layout, "sfdp");
  EXPECT_TRUE(o.context);
  EXPECT_TRUE(o.korean);
  Options plain = parse_options({"--render=a.gv"});
  EXPECT_EQ(plain.layout, "auto");
  EXPECT_FALSE(plain.context);
  EXPECT_FALSE(plain.korean);
}

TEST(Options, RejectsBadDiagramOptions) {
  auto message = [](const std::vector<std::string>& args) {
    try {
      parse_options(args);
    } catch (const UsageError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message({"--render", "a.txt"}),
            "cannot tell the diagram format from 'a.txt'; name a file ending in .svg, .png, .pdf, .dot or .gv");
  EXPECT_EQ(message({"--render", "noextension"}),
            "cannot tell the diagram format from 'noextension'; name a file ending in .svg, .png, .pdf, .dot or .gv");
  EXPECT_EQ(message({"--render", ""}), "option '--render' needs a file name");
  EXPECT_EQ(message({"--render", "a.svg", "--layout", "spring"}),
            "unknown layout 'spring'; use auto, dot, neato, fdp, sfdp, circo or twopi");
  EXPECT_EQ(message({"--korean", "--render=a.svg", "--context=yes"}), "option '--context' takes no value");
  for (const char* option : {"--layout=dot", "--context", "--korean"}) {
    EXPECT_EQ(message({"-e", "RETURN 1", option}),
              "option '" + std::string(option).substr(0, std::string(option).find('=')) +
                  "' changes the diagram, so it needs --render FILE");
  }
}
#endif  // ERGO_WITH_GRAPHVIZ

TEST(Options, HelpAndVersion) {
  EXPECT_TRUE(parse_options({"-h"}).help);
  EXPECT_TRUE(parse_options({"--help"}).help);
  EXPECT_TRUE(parse_options({"--version"}).version);
}

}  // namespace
}  // namespace ergo::cli
