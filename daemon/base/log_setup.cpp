#include "daemon/base/log_setup.h"

#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <mutex>
#include <stdexcept>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>
#include <systemd/sd-journal.h>

#include "daemon/base/safe_text.h"

namespace newsmon {

namespace {

thread_local std::vector<std::pair<std::string, std::string>> t_fields;

std::string_view level_word(spdlog::level::level_enum level) {
  switch (level) {
    case spdlog::level::trace: return "trace";
    case spdlog::level::debug: return "debug";
    case spdlog::level::info: return "info";
    case spdlog::level::warn: return "warn";
    case spdlog::level::err: return "error";
    case spdlog::level::critical: return "critical";
    default: return "";
  }
}

std::string_view level_colour(spdlog::level::level_enum level) {
  switch (level) {
    case spdlog::level::trace:
    case spdlog::level::debug: return "\033[2m";
    case spdlog::level::info: return "\033[32m";
    case spdlog::level::warn: return "\033[33m";
    default: return "\033[1;31m";
  }
}

std::string utc_time_text(std::chrono::system_clock::time_point t) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

std::string local_clock_text(std::chrono::system_clock::time_point t) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  localtime_r(&seconds, &tm);
  char text[16];
  std::strftime(text, sizeof text, "%H:%M:%S", &tm);
  return text;
}

// The one sink newsmon logs through: see log_setup.h for the three formats.
class NewsmonSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  NewsmonSink(LogDestination destination, std::FILE* stream, bool colour)
      : destination_(destination), stream_(stream), colour_(colour),
        // libsystemd drops messages silently when journald's socket is missing:
        // then the prefixed lines on the stream are the only way in.
        journal_api_(destination == LogDestination::journal &&
                     access("/run/systemd/journal/socket", W_OK) == 0) {}

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    const std::string message =
        strip_control_characters(std::string_view(msg.payload.data(), msg.payload.size()));
    switch (destination_) {
      case LogDestination::journal:
        if (journal_api_ && send_to_journal(msg.level, message)) return;
        write_line(format_log_line(LogDestination::journal, msg.level, message, ""));
        return;
      case LogDestination::terminal: {
        std::string line = local_clock_text(msg.time) + " ";
        const std::string_view word = level_word(msg.level);
        if (colour_) {
          line += level_colour(msg.level);
          line += word;
          line += "\033[0m";
        } else {
          line += word;
        }
        line.append(word.size() < 5 ? 5 - word.size() : 0, ' ');
        line += " ";
        line += message;
        write_line(line);
        return;
      }
      case LogDestination::plain:
        write_line(format_log_line(LogDestination::plain, msg.level, message, utc_time_text(msg.time)));
        return;
    }
  }

  void flush_() override { std::fflush(stream_); }

 private:
  bool send_to_journal(spdlog::level::level_enum level, const std::string& message) {
    std::vector<std::string> fields;
    fields.reserve(3 + t_fields.size());
    fields.push_back("MESSAGE=" + message);
    fields.push_back("PRIORITY=" + std::to_string(syslog_priority(level)));
    fields.push_back("SYSLOG_IDENTIFIER=newsmon");
    for (const auto& [name, value] : t_fields)
      fields.push_back(name + "=" + strip_control_characters(value));
    std::vector<iovec> iov;
    iov.reserve(fields.size());
    for (auto& f : fields) iov.push_back(iovec{f.data(), f.size()});
    return sd_journal_sendv(iov.data(), int(iov.size())) >= 0;
  }

  void write_line(const std::string& line) {
    std::fwrite(line.data(), 1, line.size(), stream_);
    std::fputc('\n', stream_);
    std::fflush(stream_);
  }

  LogDestination destination_;
  std::FILE* stream_;
  bool colour_;
  bool journal_api_;
};

}  // namespace

LogDestination detect_log_destination() {
  if (const char* stream = std::getenv("JOURNAL_STREAM"); stream && *stream) {
    unsigned long long device = 0, inode = 0;
    struct stat st {};
    if (std::sscanf(stream, "%llu:%llu", &device, &inode) == 2 && fstat(STDERR_FILENO, &st) == 0 &&
        static_cast<unsigned long long>(st.st_dev) == device &&
        static_cast<unsigned long long>(st.st_ino) == inode)
      return LogDestination::journal;
  }
  if (isatty(STDERR_FILENO)) return LogDestination::terminal;
  return LogDestination::plain;
}

spdlog::level::level_enum parse_log_level(std::string_view name, spdlog::level::level_enum fallback) {
  if (name.empty()) return fallback;
  if (name == "trace") return spdlog::level::trace;
  if (name == "debug") return spdlog::level::debug;
  if (name == "info") return spdlog::level::info;
  if (name == "warn") return spdlog::level::warn;
  if (name == "error") return spdlog::level::err;
  if (name == "off") return spdlog::level::off;
  throw std::invalid_argument("unknown log level '" + std::string(name) +
                              "' (expected trace, debug, info, warn, error or off)");
}

void setup_logging(LogDestination destination, spdlog::level::level_enum level, std::FILE* stream) {
  const char* no_colour = std::getenv("NO_COLOR");
  const bool colour = destination == LogDestination::terminal && !(no_colour && *no_colour);
  auto sink = std::make_shared<NewsmonSink>(destination, stream, colour);
  auto logger = std::make_shared<spdlog::logger>("newsmon", std::move(sink));
  logger->set_level(level);
  logger->flush_on(spdlog::level::trace);
  spdlog::set_default_logger(std::move(logger));
}

LogFields::LogFields(std::initializer_list<std::pair<std::string_view, std::string>> fields) {
  for (const auto& [name, value] : fields) {
    t_fields.emplace_back(std::string(name), value);
    ++added_;
  }
}

LogFields::~LogFields() { t_fields.resize(t_fields.size() - added_); }

const std::vector<std::pair<std::string, std::string>>& LogFields::current() { return t_fields; }

int syslog_priority(spdlog::level::level_enum level) {
  switch (level) {
    case spdlog::level::trace:
    case spdlog::level::debug: return 7;
    case spdlog::level::info: return 6;
    case spdlog::level::warn: return 4;
    case spdlog::level::err: return 3;
    default: return 2;
  }
}

std::string format_log_line(LogDestination destination, spdlog::level::level_enum level,
                            std::string_view message, std::string_view utc_time) {
  std::string line;
  if (destination == LogDestination::journal) {
    line = "<" + std::to_string(syslog_priority(level)) + ">";
  } else {
    line.append(utc_time);
    line += " ";
    line += level_word(level);
    line += " ";
  }
  line.append(message);
  return line;
}

}  // namespace newsmon
