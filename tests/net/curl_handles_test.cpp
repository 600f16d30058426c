#include <catch2/catch.hpp>

#include <utility>
#include <vector>

#include "daemon/net/curl_handles.h"

using namespace newsmon;

TEST_CASE("a moved curl handle has one owner", "[curl_handles]") {
  CurlEasy first;
  CURL* raw = first.get();
  REQUIRE(raw != nullptr);
  CurlEasy second(std::move(first));
  CHECK(second.get() == raw);
  CHECK(first.get() == nullptr);  // NOLINT(bugprone-use-after-move): the point of the test
  CurlEasy third;
  third = std::move(second);
  CHECK(third.get() == raw);

  CurlMulti multi;
  CURLM* raw_multi = multi.get();
  CurlMulti other(std::move(multi));
  CHECK(other.get() == raw_multi);
  CHECK(multi.get() == nullptr);  // NOLINT(bugprone-use-after-move)
}

TEST_CASE("a curl list keeps its lines in order", "[curl_handles]") {
  CurlList list;
  CHECK(list.empty());
  list.append("If-None-Match: \"v1\"");
  list.append("If-Modified-Since: Sun, 29 Nov 2026 10:00:00 GMT");
  std::vector<std::string> lines;
  for (curl_slist* item = list.get(); item != nullptr; item = item->next) lines.emplace_back(item->data);
  CHECK(lines == std::vector<std::string>{"If-None-Match: \"v1\"", "If-Modified-Since: Sun, 29 Nov 2026 10:00:00 GMT"});
  CurlList moved(std::move(list));
  CHECK(list.empty());  // NOLINT(bugprone-use-after-move)
  CHECK_FALSE(moved.empty());
}
