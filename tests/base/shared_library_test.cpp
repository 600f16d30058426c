#include "daemon/base/shared_library.h"

#include <catch2/catch.hpp>

#include "support/reader_archive.h"

using namespace newsmon;
using namespace newsmon::test;

TEST_CASE("the readers start without loading libcurl, libsystemd or libpsl", "[shared_library]") {
  // LD_DEBUG=files makes the dynamic loader list every library it opens.
  ReaderArchive archive;
  for (const auto& command : {std::vector<std::string>{"search", "huawei"},
                              std::vector<std::string>{"digest", "--date", "2024-05-01"},
                              std::vector<std::string>{"show", "1"}, std::vector<std::string>{"grep", "Huawei"}}) {
    const auto r = run_newsmon(archive.args(command), with_env({{"LD_DEBUG", "files"}}));
    INFO(command.front() << ": " << r.err.substr(0, 2000));
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("file=libsqlite3") != std::string::npos);  // the listing is there...
    CHECK(r.err.find("libcurl") == std::string::npos);          // ...and these are not in it
    CHECK(r.err.find("libssl") == std::string::npos);
    CHECK(r.err.find("libsystemd") == std::string::npos);
    CHECK(r.err.find("libpsl") == std::string::npos);
  }
}

TEST_CASE("a library or symbol that is not there is an error naming it", "[shared_library]") {
  CHECK_THROWS_WITH(SharedLibrary("libnewsmon-no-such.so.9"), Catch::Contains("cannot load libnewsmon-no-such.so.9"));
  const SharedLibrary libpsl("libpsl.so.5");
  int (*missing)() = nullptr;
  CHECK_THROWS_WITH(libpsl.resolve("psl_no_such_function", missing),
                    "libpsl.so.5 has no psl_no_such_function (too old a version?)");
}
