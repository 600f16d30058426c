#include "extractors/site_rules.h"

#include <catch2/catch.hpp>

#include "support/temp_dir.h"

using namespace newsmon;
using newsmon::test::TempDir;

TEST_CASE("the shipped rules load and cover the watched outlets", "[site_rules]") {
  auto rules = SiteRules::load(std::filesystem::path(NEWSMON_SOURCE_DIR) / "extractors" / "site_rules.toml");
  REQUIRE(rules);
  for (const char* name : {"defenseone", "guardian", "nytimes", "cybersecurityintelligence"}) {
    INFO(name);
    const SiteRule* rule = rules->find_by_name(name);
    REQUIRE(rule != nullptr);
    CHECK(!rule->body.empty());
    CHECK(rule->body_selectors.size() == rule->body.size());
  }
  CHECK(rules->rules().size() <= 6);
}

TEST_CASE("a rule matches its host and subdomains, not look-alikes", "[site_rules]") {
  auto rules = SiteRules::load(std::filesystem::path(NEWSMON_SOURCE_DIR) / "extractors" / "site_rules.toml");
  REQUIRE(rules);
  REQUIRE(rules->find_for_url("https://www.theguardian.com/uk-news/2020/jan/28/x") != nullptr);
  CHECK(rules->find_for_url("https://www.theguardian.com/x")->name == "guardian");
  CHECK(rules->find_for_url("https://WWW.NYTIMES.COM:443/2020/x.html")->name == "nytimes");
  CHECK(rules->find_for_url("https://theguardian.com.evil.example/x") == nullptr);
  CHECK(rules->find_for_url("https://nottheguardian.com/x") == nullptr);
  CHECK(rules->find_for_url("not a url") == nullptr);
  CHECK(rules->find_by_name("nope") == nullptr);
}

TEST_CASE("the rules file is found through NEWSMON_SITE_RULES first", "[site_rules]") {
  TempDir dir;
  const auto path = dir.write("rules.toml", "[[rule]]\nname = \"only\"\nhosts = [\"example.org\"]\nbody = [\"article\"]\n");
  ::setenv("NEWSMON_SITE_RULES", path.c_str(), 1);
  auto rules = SiteRules::load_default();
  ::unsetenv("NEWSMON_SITE_RULES");
  REQUIRE(rules);
  REQUIRE(rules->rules().size() == 1);
  CHECK(rules->rules()[0].name == "only");
  auto fallback = SiteRules::load_default();
  REQUIRE(fallback);
  CHECK(fallback->find_by_name("guardian") != nullptr);
}

TEST_CASE("mistakes in the rules file are errors naming the file and line", "[site_rules]") {
  TempDir dir;
  const auto unknown = dir.write("a.toml", "[[rule]]\nname = \"x\"\nhosts = [\"x.org\"]\nbody = [\"p\"]\nbodies = []\n");
  auto a = SiteRules::load(unknown);
  REQUIRE_FALSE(a);
  CHECK(a.error().message == unknown.string() + ":5:10: unknown key \"bodies\"");

  const auto bad_selector = dir.write("b.toml", "[[rule]]\nname = \"x\"\nhosts = [\"x.org\"]\nbody = [\"div > p\"]\n");
  auto b = SiteRules::load(bad_selector);
  REQUIRE_FALSE(b);
  CHECK(b.error().message ==
        bad_selector.string() + ":1:1: rule \"x\": selector \"div > p\": unsupported character '>'");

  const auto syntax = dir.write("c.toml", "[[rule]\n");
  CHECK_FALSE(SiteRules::load(syntax));
  auto missing = SiteRules::load(dir / "missing.toml");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message == (dir / "missing.toml").string() + ": no such file");
}
