#include <catch2/catch.hpp>

#include "daemon/net/registrable_domain.h"

using newsmon::registrable_domain;

TEST_CASE("hosts under one registrable domain share one key", "[registrable_domain]") {
  CHECK(registrable_domain("www.theguardian.com") == "theguardian.com");
  CHECK(registrable_domain("feeds.theguardian.com") == "theguardian.com");
  CHECK(registrable_domain("www.bbc.co.uk") == "bbc.co.uk");
  CHECK(registrable_domain("news.bbc.co.uk") == "bbc.co.uk");
}

TEST_CASE("registrable domains are lower-cased and ignore a trailing dot", "[registrable_domain]") {
  CHECK(registrable_domain("WWW.NYTimes.COM.") == "nytimes.com");
}

TEST_CASE("IP literals and bare suffixes are their own key", "[registrable_domain]") {
  CHECK(registrable_domain("127.0.0.1") == "127.0.0.1");
  CHECK(registrable_domain("[::1]") == "::1");
  CHECK(registrable_domain("co.uk") == "co.uk");
  CHECK(registrable_domain("") == "");
}

TEST_CASE("separate sites on a shared hosting suffix get separate keys", "[registrable_domain]") {
  CHECK(registrable_domain("alice.github.io") == "alice.github.io");
  CHECK(registrable_domain("bob.github.io") == "bob.github.io");
}
