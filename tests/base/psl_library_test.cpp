// libpsl through its loader (psl_library.cpp): each forwarded function
// reaches the real library, loaded on first use.
#include <libpsl.h>

#include <catch2/catch.hpp>

#include <string>

TEST_CASE("libpsl loads on first use and names the registrable domain of a host", "[psl_library]") {
  const psl_ctx_t* builtin = psl_builtin();
  REQUIRE(builtin != nullptr);
  const char* domain = psl_registrable_domain(builtin, "www.theguardian.co.uk");
  REQUIRE(domain != nullptr);
  CHECK(std::string(domain) == "theguardian.co.uk");
  CHECK(std::string(psl_registrable_domain(builtin, "feeds.nytimes.com")) == "nytimes.com");
  // A public suffix alone has no registrable domain.
  CHECK(psl_registrable_domain(builtin, "co.uk") == nullptr);
}

TEST_CASE("psl_latest without a list file gives the built-in list, and psl_free releases it", "[psl_library]") {
  psl_ctx_t* latest = psl_latest(nullptr);
  REQUIRE(latest != nullptr);
  CHECK(std::string(psl_registrable_domain(latest, "www.theguardian.com")) == "theguardian.com");
  CHECK(std::string(psl_registrable_domain(latest, "news.bbc.co.uk")) == "bbc.co.uk");
  psl_free(latest);
}
