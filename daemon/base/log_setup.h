// Logging for every command, through spdlog's default logger. Three
// destinations, chosen once at start-up by where stderr goes:
//   - the systemd journal (JOURNAL_STREAM names our stderr): each line goes
//     through the journal API with PRIORITY=, SYSLOG_IDENTIFIER=newsmon and the
//     structured fields in force (FEED_URL=, HTTP_STATUS=, see LogFields); if
//     journald's socket is missing or refuses it, the line is written to
//     stderr with its syslog priority prefix ("<3>..." for errors) so
//     journald still files it at the right priority;
//   - a terminal: "HH:MM:SS level message", the level coloured unless NO_COLOR;
//   - anything else (a file, a pipe): "YYYY-MM-DDTHH:MM:SSZ level message".
// Every message has its control characters stripped (safe_text.h) before it
// is written: URLs and error texts come from the web.
// Thread-safe: the sink serialises writes; LogFields are per thread.
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <spdlog/common.h>

namespace spdlog {
class logger;
}

namespace newsmon {

enum class LogDestination { journal, terminal, plain };

// Where stderr goes now: the journal when $JOURNAL_STREAM names stderr's
// device and inode, a terminal when stderr is a tty, else plain.
LogDestination detect_log_destination();

// "trace".."off"; empty gives `fallback`. Throws std::invalid_argument on
// anything else (the command line already restricts the choice).
spdlog::level::level_enum parse_log_level(std::string_view name, spdlog::level::level_enum fallback);

// Makes spdlog's default logger write to `destination` at `level`. `stream`
// (default stderr) is where terminal, plain and fallback journal lines go.
void setup_logging(LogDestination destination, spdlog::level::level_enum level, std::FILE* stream = stderr);

// Structured fields attached to every log line this thread writes while the
// object lives (nested objects add to the outer ones). Only the journal keeps
// them; names are journal field names (upper case, digits, underscores).
//   LogFields fields{{"FEED_URL", url}, {"HTTP_STATUS", "404"}};
//   spdlog::warn("feed {}: HTTP 404", url);
class LogFields {
 public:
  LogFields(std::initializer_list<std::pair<std::string_view, std::string>> fields);
  ~LogFields();
  LogFields(const LogFields&) = delete;
  LogFields& operator=(const LogFields&) = delete;

  // The fields in force on this thread, outermost first.
  static const std::vector<std::pair<std::string, std::string>>& current();

 private:
  std::size_t added_ = 0;
};

// The syslog priority journald uses for an spdlog level (3 error .. 7 debug).
int syslog_priority(spdlog::level::level_enum level);

// One formatted line for the plain and fallback-journal destinations, without
// the newline: "<3>message" (journal) or "2026-05-01T10:00:00Z error message".
std::string format_log_line(LogDestination destination, spdlog::level::level_enum level,
                            std::string_view message, std::string_view utc_time);

}  // namespace newsmon
