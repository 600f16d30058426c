#include <curl/curl.h>

#include <catch2/catch.hpp>

#include "reader_archive.h"

using namespace newsmon::test;

TEST_CASE("the readers start without loading libcurl and its dependencies", "[curl_library]") {
  // LD_DEBUG=files makes the dynamic loader list every library it opens.
  ReaderArchive archive;
  for (const auto& command : {std::vector<std::string>{"search", "huawei"},
                                                  std::vector<std::string>{"digest", "--date", "2024-05-01"},
                                                  std::vector<std::string>{"show", "1"}}) {
    const auto r = run_newsmon(archive.args(command), {{"LD_DEBUG", "files"}});
    INFO(command.front() << ": " << r.err.substr(0, 2000));
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("file=libsqlite3") != std::string::npos);  // the listing is there...
    CHECK(r.err.find("libcurl") == std::string::npos);          // ...and libcurl is not in it
    CHECK(r.err.find("libssl") == std::string::npos);
  }
}

TEST_CASE("libcurl loads on first use and each setopt argument type reaches it", "[curl_library]") {
  REQUIRE(curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK);
  CURL* easy = curl_easy_init();
  REQUIRE(easy != nullptr);
  const auto write = +[](char*, size_t size, size_t count, void*) { return size * count; };
  CHECK(curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, 1500L) == CURLE_OK);                       // long
  CHECK(curl_easy_setopt(easy, CURLOPT_URL, "http://127.0.0.1:9/") == CURLE_OK);              // pointer
  CHECK(curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, write) == CURLE_OK);                    // function
  CHECK(curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(8) << 40) == CURLE_OK);  // off_t
  // Values libcurl refuses come back refused: the argument arrived as given.
  CHECK(curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, 1000L) != CURLE_OK);
  CHECK(curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(-1)) == CURLE_BAD_FUNCTION_ARGUMENT);
  long code = -1;
  CHECK(curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &code) == CURLE_OK);
  CHECK(code == 0);
  CHECK(std::string(curl_easy_strerror(CURLE_OK)) == "No error");
  curl_easy_cleanup(easy);

  CURLU* url = curl_url();
  REQUIRE(url != nullptr);
  CHECK(curl_url_set(url, CURLUPART_URL, "HTTPS://Example.COM:443/a/../b?x=1", 0) == CURLUE_OK);
  char* text = nullptr;
  REQUIRE(curl_url_get(url, CURLUPART_URL, &text, CURLU_DEFAULT_PORT) == CURLUE_OK);
  CHECK(std::string(text) == "https://Example.COM:443/b?x=1");  // scheme lowered, dot segments gone
  curl_free(text);
  curl_url_cleanup(url);
  CHECK(curl_getdate("Sun, 06 Nov 1994 08:49:37 GMT", nullptr) == 784111777);
}
