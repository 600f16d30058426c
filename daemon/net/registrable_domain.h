// registrable_domain: the politeness key of a host. Hosts under one
// registrable domain (eTLD+1 by the Public Suffix List, via libpsl) belong to
// one organisation, so the fetcher treats them as one server:
// "www.bbc.co.uk" and "feeds.bbc.co.uk" both give "bbc.co.uk". IP literals and
// hosts that are themselves public suffixes are their own key. Pure function;
// thread-safe (the list is loaded once, read-only afterwards).
#pragma once

#include <string>
#include <string_view>

namespace newsmon {

// Lower-cased; an empty host gives an empty key.
std::string registrable_domain(std::string_view host);

}  // namespace newsmon
