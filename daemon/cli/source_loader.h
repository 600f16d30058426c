// The FILE|URL argument of the commands that read one document by hand
// (extract, extract --batch, parse-feed, classify), loaded one way for all.
//
// The rule: an argument that starts with http://, https:// or file:// (the
// scheme in any case) is a URL, fetched by the Fetcher like any page (file:
// is allowed, the user typed it); anything else is a path on disk. A URL is
// fetched with the [http] settings of the config named by --config, else of
// the default config when there is one, else the defaults; a path needs no
// config. Pure functions of their arguments and the disk/network;
// thread-safe.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "daemon/base/result.h"
#include "daemon/cli/commands.h"

namespace newsmon {

// One document as read, before any decoding.
struct LoadedSource {
  std::string bytes;
  std::string charset;  // from the HTTP Content-Type; "" for a file
  // What relative links resolve against: the final URL (after redirects) of
  // a URL, file://ABSOLUTE_PATH for a path.
  std::string url;
  bool from_path = false;  // the argument was a path, not a URL
};

bool is_url_argument(std::string_view argument);

// The document at `argument`. Errors name the argument: "PATH: cannot read
// the file", "PATH: is a directory", "URL: the server answered HTTP 404", or
// the Fetcher's message.
Result<LoadedSource> load_source(const GlobalOptions& global, std::string_view argument);

// A file on disk (what a path argument is read with).
Result<LoadedSource> load_file(const std::filesystem::path& path);

// The document as UTF-8 HTML: BOM, HTTP charset, <meta charset>, then
// detection (html_to_utf8).
std::string page_html(const LoadedSource& source);

}  // namespace newsmon
