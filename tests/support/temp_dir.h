// TempDir: a fresh directory under $TMPDIR, removed with everything in it
// when the object dies. For tests that need real files (a SQLite archive, a
// config, an export tree).
#pragma once

#include <filesystem>
#include <string>

namespace newsmon::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
  // Writes `text` to `name` inside the directory and returns the full path.
  std::filesystem::path write(const std::string& name, const std::string& text) const;

 private:
  std::filesystem::path path_;
};

// The whole content of a file; a test fails loudly when it is missing.
std::string read_file(const std::filesystem::path& path);

// Fixtures live in tests/ (NEWSMON_TEST_DATA).
std::filesystem::path fixture(const std::string& relative);

}  // namespace newsmon::test
