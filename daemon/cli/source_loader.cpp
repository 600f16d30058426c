#include "daemon/cli/source_loader.h"

#include <fstream>
#include <sstream>

#include "daemon/base/ascii.h"
#include "daemon/base/charset.h"
#include "daemon/config/paths.h"
#include "daemon/net/fetcher.h"

namespace newsmon {

namespace {

// The [http] settings a URL argument is fetched with (see the header).
HttpConfig http_config(const GlobalOptions& global) {
  std::error_code ec;
  if (!global.config.empty() || std::filesystem::exists(find_config(global.config), ec))
    return load_command_config(global).http;
  return HttpConfig{};
}

Result<LoadedSource> fetch(const GlobalOptions& global, const std::string& url) {
  FetchRequest request;
  request.url = url;
  request.allow_file = true;  // typed by the user on the command line
  auto response = fetch_one(http_config(global), std::move(request));
  if (!response) return std::unexpected(response.error());
  if (response->status >= 400)
    return fail(ErrorKind::http, url + ": the server answered HTTP " + std::to_string(response->status));
  return LoadedSource{std::move(response->body), std::move(response->charset),
                      response->final_url.empty() ? url : std::move(response->final_url), false};
}

}  // namespace

bool is_url_argument(std::string_view argument) {
  return ascii::starts_with_ignoring_case(argument, "http://") ||
         ascii::starts_with_ignoring_case(argument, "https://") ||
         ascii::starts_with_ignoring_case(argument, "file://");
}

Result<LoadedSource> load_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return fail(ErrorKind::io, path.string() + ": is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorKind::io, path.string() + ": cannot read the file");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return fail(ErrorKind::io, path.string() + ": cannot read the file");
  const auto absolute = std::filesystem::absolute(path, ec);
  return LoadedSource{std::move(bytes).str(), "", "file://" + (ec ? path.string() : absolute.string()), true};
}

Result<LoadedSource> load_source(const GlobalOptions& global, std::string_view argument) {
  if (is_url_argument(argument)) return fetch(global, std::string(argument));
  return load_file(std::filesystem::path(argument));
}

std::string page_html(const LoadedSource& source) { return html_to_utf8(source.bytes, source.charset); }

}  // namespace newsmon
