#include "extractors/boilerplate_rules.h"

#include <catch2/catch.hpp>

using namespace newsmon;

TEST_CASE("an aggregator's credits line gives its outlets", "[boilerplate_rules]") {
  CHECK(parse_credits_line("Defense One:\xC2\xA0\xC2\xA0 Guardian:   Express and Star: New York Times") ==
        std::vector<std::string>{"Defense One", "Guardian", "Express and Star", "New York Times"});
  CHECK(parse_credits_line("Reuters | BBC | Financial Times") ==
        std::vector<std::string>{"Reuters", "BBC", "Financial Times"});
}

TEST_CASE("a sentence with a colon is not a credits line", "[boilerplate_rules]") {
  CHECK(parse_credits_line("The minister said: we will not ban the vendor, for now.").empty());
  CHECK(parse_credits_line("Huawei").empty());
  CHECK(parse_credits_line("").empty());
}

TEST_CASE("chrome lines are recognised and prose is not", "[boilerplate_rules]") {
  for (const char* line : {"Advertisement", "Read more: The 5G ban explained", "\xC2\xA9 2024 Example Ltd",
                           "Copyright 2019 Example Media", "Sign up for our newsletter",
                           "Get the best of our journalism in your inbox: subscribe to the newsletter",
                           "Photo: Reuters", "All rights reserved."}) {
    INFO(line);
    CHECK(is_boilerplate_paragraph(line));
  }
  for (const char* line : {"Read the report before the vote, officials said.",
                           "The newsletter industry has grown fast since 2019, analysts say, with many writers "
                           "leaving newspapers to start their own."}) {
    INFO(line);
    CHECK_FALSE(is_boilerplate_paragraph(line));
  }
}

TEST_CASE("headings that introduce link lists are recognised", "[boilerplate_rules]") {
  CHECK(introduces_link_list("You Might Also Read:"));
  CHECK(introduces_link_list("Related articles"));
  CHECK_FALSE(introduces_link_list("The vendors we might also read about in the next report are many"));
}
