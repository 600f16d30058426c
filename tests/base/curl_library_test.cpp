#include <curl/curl.h>

#include <catch2/catch.hpp>

#include <string>

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
