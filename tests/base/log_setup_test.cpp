#include <cstdio>
#include <string>

#include <catch2/catch.hpp>
#include <spdlog/spdlog.h>

#include "daemon/base/log_setup.h"

using namespace newsmon;

namespace {

std::string captured(LogDestination destination, spdlog::level::level_enum level,
                     const std::function<void()>& write) {
  std::FILE* file = std::tmpfile();
  setup_logging(destination, level, file);
  write();
  setup_logging(LogDestination::plain, spdlog::level::warn, stderr);
  std::string out;
  std::rewind(file);
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) out.append(buffer, n);
  std::fclose(file);
  return out;
}

}  // namespace

TEST_CASE("journal lines carry the syslog priority of their level", "[log_setup]") {
  CHECK(format_log_line(LogDestination::journal, spdlog::level::err, "archive: full", "") == "<3>archive: full");
  CHECK(format_log_line(LogDestination::journal, spdlog::level::warn, "feed x: HTTP 404", "") ==
        "<4>feed x: HTTP 404");
  CHECK(format_log_line(LogDestination::journal, spdlog::level::info, "polled", "") == "<6>polled");
  CHECK(format_log_line(LogDestination::journal, spdlog::level::debug, "d", "") == "<7>d");
  CHECK(syslog_priority(spdlog::level::critical) == 2);
}

TEST_CASE("plain lines carry the UTC time and the level in words", "[log_setup]") {
  CHECK(format_log_line(LogDestination::plain, spdlog::level::warn, "feed x: HTTP 404", "2026-05-01T10:00:00Z") ==
        "2026-05-01T10:00:00Z warn feed x: HTTP 404");
}

TEST_CASE("the level set on the command line filters what is written", "[log_setup]") {
  const std::string out = captured(LogDestination::plain, parse_log_level("warn", spdlog::level::info), [] {
    spdlog::info("not shown");
    spdlog::warn("shown {}", 1);
  });
  CHECK(out.find("not shown") == std::string::npos);
  CHECK(out.find(" warn shown 1\n") != std::string::npos);
  CHECK(parse_log_level("", spdlog::level::info) == spdlog::level::info);
  CHECK(parse_log_level("off", spdlog::level::info) == spdlog::level::off);
  CHECK_THROWS_WITH(parse_log_level("loud", spdlog::level::info),
                    "unknown log level 'loud' (expected trace, debug, info, warn, error or off)");
}

TEST_CASE("control characters from the web never reach the log", "[log_setup]") {
  ::setenv("NO_COLOR", "1", 1);
  const std::string out = captured(LogDestination::terminal, spdlog::level::info, [] {
    spdlog::warn("feed {}: bad", "http://x/\x1b[2J\x07title");
  });
  CHECK(out.find('\x1b') == std::string::npos);
  CHECK(out.find('\x07') == std::string::npos);
  CHECK(out.find("warn  feed http://x/[2Jtitle: bad\n") != std::string::npos);
  ::unsetenv("NO_COLOR");
}

TEST_CASE("on a terminal the level is coloured unless NO_COLOR is set", "[log_setup]") {
  ::unsetenv("NO_COLOR");
  const std::string out = captured(LogDestination::terminal, spdlog::level::info, [] { spdlog::error("boom"); });
  CHECK(out.find("\033[1;31merror\033[0m boom\n") != std::string::npos);
}

TEST_CASE("structured fields hold for the scope that set them, nested ones on top", "[log_setup]") {
  CHECK(LogFields::current().empty());
  {
    LogFields outer{{"FEED_URL", "http://127.0.0.1/feed"}};
    {
      LogFields inner{{"HTTP_STATUS", "404"}};
      REQUIRE(LogFields::current().size() == 2);
      CHECK(LogFields::current()[0] == std::pair<std::string, std::string>{"FEED_URL", "http://127.0.0.1/feed"});
      CHECK(LogFields::current()[1] == std::pair<std::string, std::string>{"HTTP_STATUS", "404"});
    }
    CHECK(LogFields::current().size() == 1);
  }
  CHECK(LogFields::current().empty());
}

TEST_CASE("without JOURNAL_STREAM naming stderr the journal is not chosen", "[log_setup]") {
  ::setenv("JOURNAL_STREAM", "1:1", 1);
  CHECK(detect_log_destination() != LogDestination::journal);
  ::unsetenv("JOURNAL_STREAM");
  CHECK(detect_log_destination() != LogDestination::journal);
}
