#include <catch2/catch.hpp>

#include "support/run_binary.h"

using namespace newsmon;

namespace {

using test::RunResult;
using test::run_newsmon;

const std::string kConfig = std::string(NEWSMON_SOURCE_DIR) + "/feeds.toml";

// `newsmon classify [OPTIONS] FILE`, FILE named `name` and holding `text`.
RunResult classify(const char* name, const std::string& text, const std::vector<std::string>& options = {}) {
  test::TempDir dir;
  const auto file = dir.write(name, text);
  std::vector<std::string> args{"--config", kConfig, "classify"};
  args.insert(args.end(), options.begin(), options.end());
  args.push_back(file.string());
  return run_newsmon(args);
}

}  // namespace

TEST_CASE("classify prints the verdict, the score and the tags on one line", "[classify_command]") {
  const RunResult run = classify("a.txt",
      "Canada bans Huawei and ZTE from 5G networks\n"
      "Canada will ban Huawei and ZTE from its 5G networks, the industry minister "
      "said, ordering operators to remove their equipment by 2024.\n");
  CHECK(run.exit_code == 0);
  CHECK(run.out == "relevant\t22.5\t5g,ban,canada,huawei,zte\n");
  CHECK(run.err.empty());
}

TEST_CASE("classify says irrelevant for a phone review that names Huawei", "[classify_command]") {
  const RunResult run = classify("b.txt",
      "Huawei P30 Pro review\nThe camera is superb and the battery lasts two days.\n");
  CHECK(run.exit_code == 0);
  CHECK(run.out == "irrelevant\t0.0\thuawei\n");
}

TEST_CASE("classify --explain prints the rules that fired on stderr", "[classify_command]") {
  const RunResult run = classify("c.txt",
      "ZTE ban\nThe Commerce Department banned sales to ZTE.\n", {"--explain"});
  CHECK(run.exit_code == 0);
  CHECK(run.out.starts_with("relevant\t"));
  CHECK(run.err.find("topic \"telecom vendor policy\": group vendor +") != std::string::npos);
  CHECK(run.err.find("topic \"telecom vendor policy\": near vendor/hard action +") != std::string::npos);
  CHECK(run.err.find("tag zte: \"ZTE\" x2 (title)") != std::string::npos);
}

TEST_CASE("classify reads an HTML file through the extractor", "[classify_command]") {
  const RunResult run = classify("d.html",
      "<html><head><title>Sweden bars Huawei</title></head><body><p>Sweden's "
      "regulator barred Huawei and ZTE equipment from 5G networks, ordering "
      "operators to remove it.</p></body></html>");
  CHECK(run.exit_code == 0);
  CHECK(run.out.starts_with("relevant\t"));
}

TEST_CASE("classify names a file it cannot read", "[classify_command]") {
  test::TempDir dir;
  const RunResult run = run_newsmon({"--config", kConfig, "classify", (dir / "missing.txt").string()});
  CHECK(run.exit_code == 3);
  CHECK(run.out.empty());
  CHECK(run.err == "newsmon: " + (dir / "missing.txt").string() + ": cannot read the file\n");
}
