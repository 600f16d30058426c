#include "daemon/feed/feed_xml.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <array>
#include <climits>
#include <cstdint>
#include <mutex>
#include <vector>

#include "daemon/base/url.h"
#include "daemon/feed/feed_text.h"

namespace newsmon {

namespace {

// windows-1252 0x80..0x9F, for references such as &#146; (meant as ’).
constexpr std::array<std::uint16_t, 32> kWindows1252High{
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool is_forbidden_control(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; }
bool is_name_start(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || c >= 0x80;
}
bool is_name_char(unsigned char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

bool is_xml_char(std::uint32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
         (cp >= 0x10000 && cp <= 0x10FFFF);
}

// Appends `text` without the control characters XML forbids.
void append_clean(std::string& out, std::string_view text) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_forbidden_control(static_cast<unsigned char>(text[i]))) {
      out.append(text.substr(start, i - start));
      start = i + 1;
    }
  }
  out.append(text.substr(start));
}

// At s[i] == '&': appends the repaired reference and returns the index after it.
std::size_t repair_reference(std::string_view s, std::size_t i, std::string& out) {
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == '#') {
    ++j;
    const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
    if (hex) ++j;
    std::uint64_t cp = 0;
    const std::size_t digits_start = j;
    while (j < s.size() && j - digits_start < 10) {
      const char c = s[j];
      int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                                          : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) break;
      cp = cp * (hex ? 16 : 10) + std::uint64_t(d);
      ++j;
    }
    if (j == digits_start || j >= s.size() || s[j] != ';') {
      out += "&amp;";
      return i + 1;
    }
    if (cp >= 0x80 && cp <= 0x9F && kWindows1252High[cp - 0x80]) cp = kWindows1252High[cp - 0x80];
    if (is_xml_char(std::uint32_t(cp))) out += "&#" + std::to_string(cp) + ";";
    return j + 1;  // a reference to a forbidden character is dropped
  }
  while (j < s.size() && j - i <= 32 && is_name_char(static_cast<unsigned char>(s[j])) && s[j] != ':') ++j;
  if (j == i + 1 || j >= s.size() || s[j] != ';') {
    out += "&amp;";
    return i + 1;
  }
  const std::string name(s.substr(i + 1, j - i - 1));
  if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") {
    out.append(s.substr(i, j + 1 - i));
  } else if (const htmlEntityDesc* entity = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()))) {
    out += "&#" + std::to_string(entity->value) + ";";
  } else {
    out += "&amp;";  // an undeclared entity is text, never expanded
    return i + 1;
  }
  return j + 1;
}

bool starts_with_ci(std::string_view s, std::size_t at, std::string_view prefix) {
  if (s.size() - at < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k)
    if ((s[at + k] | 0x20) != (prefix[k] | 0x20)) return false;
  return true;
}

// Index after the '>' ending a DOCTYPE at `at` (quotes and an internal subset
// skipped), or s.size().
std::size_t end_of_doctype(std::string_view s, std::size_t at) {
  int depth = 0;
  char quote = 0;
  for (std::size_t i = at + 2; i < s.size(); ++i) {
    const char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']') {
      depth = depth > 0 ? depth - 1 : 0;
    } else if (c == '>' && depth == 0) {
      return i + 1;
    }
  }
  return s.size();
}

std::once_flag libxml_initialised;

// XmlBuffer: the one owner of an xmlBuffer. Not copyable.
class XmlBuffer {
 public:
  XmlBuffer() : buffer_(xmlBufferCreate()) {}
  ~XmlBuffer() {
    if (buffer_) xmlBufferFree(buffer_);
  }
  XmlBuffer(const XmlBuffer&) = delete;
  XmlBuffer& operator=(const XmlBuffer&) = delete;
  xmlBufferPtr get() const { return buffer_; }

 private:
  xmlBufferPtr buffer_;
};

// XmlString: the one owner of a string libxml2 allocated for us.
class XmlString {
 public:
  explicit XmlString(xmlChar* s) : s_(s) {}
  ~XmlString() {
    if (s_) xmlFree(s_);
  }
  XmlString(const XmlString&) = delete;
  XmlString& operator=(const XmlString&) = delete;
  std::string str() const { return s_ ? std::string(reinterpret_cast<const char*>(s_)) : std::string(); }
  bool empty() const { return !s_; }

 private:
  xmlChar* s_;
};

}  // namespace

std::string repair_feed_xml(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 16);
  std::size_t i = 0;
  while (i < s.size()) {
    // Copy the run of ordinary characters in one go.
    std::size_t run = i;
    while (run < s.size()) {
      const unsigned char c = static_cast<unsigned char>(s[run]);
      if (c == '<' || c == '&' || is_forbidden_control(c)) break;
      ++run;
    }
    out.append(s.substr(i, run - i));
    i = run;
    if (i >= s.size()) break;
    const char c = s[i];
    if (c == '&') {
      i = repair_reference(s, i, out);
      continue;
    }
    if (c != '<') {  // a forbidden control character
      ++i;
      continue;
    }
    if (s.compare(i, 4, "<!--") == 0) {
      const std::size_t end = s.find("-->", i + 4);
      const std::size_t stop = end == std::string_view::npos ? s.size() : end + 3;
      append_clean(out, s.substr(i, stop - i));
      i = stop;
    } else if (s.compare(i, 9, "<![CDATA[") == 0) {
      const std::size_t end = s.find("]]>", i + 9);
      const std::size_t stop = end == std::string_view::npos ? s.size() : end + 3;
      append_clean(out, s.substr(i, stop - i));
      i = stop;
    } else if (starts_with_ci(s, i, "<!DOCTYPE")) {
      i = end_of_doctype(s, i);
    } else if (s.compare(i, 2, "<?") == 0) {
      const std::size_t end = s.find("?>", i + 2);
      const std::size_t stop = end == std::string_view::npos ? s.size() : end + 2;
      const bool declaration = starts_with_ci(s, i, "<?xml") && i + 5 < s.size() &&
                               !is_name_char(static_cast<unsigned char>(s[i + 5]));
      if (!declaration) append_clean(out, s.substr(i, stop - i));
      i = stop;
    } else if (i + 1 < s.size() && (is_name_start(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '/')) {
      // A tag: copied to its '>', with references in attribute values repaired.
      char quote = 0;
      out += '<';
      ++i;
      std::size_t run_start = i;
      while (i < s.size()) {
        const char t = s[i];
        if (quote) {
          if (t == quote) quote = 0;
        } else if (t == '"' || t == '\'') {
          quote = t;
        } else if (t == '>') {
          break;
        }
        if (t == '<') break;  // an unterminated tag or quote; libxml2 recovers from here
        if (t == '&' || is_forbidden_control(static_cast<unsigned char>(t))) {
          out.append(s.substr(run_start, i - run_start));
          i = t == '&' ? repair_reference(s, i, out) : i + 1;
          run_start = i;
          continue;
        }
        ++i;
      }
      out.append(s.substr(run_start, i - run_start));
      if (i < s.size() && s[i] == '>') {
        out += '>';
        ++i;
      }
    } else {
      out += "&lt;";  // "a < b" in text
      ++i;
    }
  }
  return out;
}

Result<XmlDocument> parse_xml_document(const std::string& repaired, std::string_view feed_url) {
  std::call_once(libxml_initialised, [] { xmlInitParser(); });
  if (repaired.size() > INT_MAX) return fail(ErrorKind::parse, std::string(feed_url) + ": the document is too large");
  // No XML_PARSE_NOENT (no entity substitution), no XML_PARSE_DTDLOAD, no
  // XML_PARSE_HUGE (libxml2 keeps its depth and size limits).
  constexpr int kOptions = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
  XmlDocument doc(xmlReadMemory(repaired.data(), int(repaired.size()), nullptr, "UTF-8", kOptions));
  if (!doc.root())
    return fail(ErrorKind::parse, std::string(feed_url) + ": not a feed (no XML element could be read)");
  return doc;
}

Ns ns_of(const xmlNode* node) {
  std::string_view uri;
  if (node->ns && node->ns->href) {
    uri = reinterpret_cast<const char*>(node->ns->href);
  } else {
    const std::string_view name = reinterpret_cast<const char*>(node->name);
    const std::size_t colon = name.find(':');
    if (colon == std::string_view::npos) return Ns::none;
    const std::string_view prefix = name.substr(0, colon);  // an undeclared prefix
    if (prefix == "dc") return Ns::dc;
    if (prefix == "dcterms") return Ns::dcterms;
    if (prefix == "content") return Ns::content;
    if (prefix == "media") return Ns::media;
    if (prefix == "sy") return Ns::sy;
    if (prefix == "atom" || prefix == "a10") return Ns::atom;
    if (prefix == "rdf") return Ns::rdf;
    return Ns::other;
  }
  if (uri.ends_with('/') && uri.size() > 1 && uri != "http://purl.org/rss/1.0/" &&
      uri != "http://purl.org/dc/elements/1.1/" && uri != "http://purl.org/dc/terms/" &&
      uri != "http://purl.org/rss/1.0/modules/content/" && uri != "http://purl.org/rss/1.0/modules/syndication/" &&
      !uri.ends_with("/0.9/"))
    uri.remove_suffix(1);  // "http://search.yahoo.com/mrss/" and friends
  if (uri == "http://www.w3.org/2005/Atom") return Ns::atom;
  if (uri == "http://purl.org/atom/ns#") return Ns::atom03;
  if (uri == "http://purl.org/rss/1.0/" || uri == "http://my.netscape.com/rdf/simple/0.9/" ||
      uri == "http://channel.netscape.com/rdf/simple/0.9/" || uri == "http://backend.userland.com/rss2" ||
      uri == "http://backend.userland.com/rss" || uri == "http://blogs.law.harvard.edu/tech/rss")
    return Ns::rss;
  if (uri == "http://purl.org/dc/elements/1.1/") return Ns::dc;
  if (uri == "http://purl.org/dc/terms/") return Ns::dcterms;
  if (uri == "http://purl.org/rss/1.0/modules/content/") return Ns::content;
  if (uri == "http://search.yahoo.com/mrss") return Ns::media;
  if (uri == "http://purl.org/rss/1.0/modules/syndication/") return Ns::sy;
  if (uri == "http://www.w3.org/1999/02/22-rdf-syntax-ns#") return Ns::rdf;
  if (uri == "http://www.w3.org/1999/xhtml") return Ns::xhtml;
  return Ns::other;
}

std::string_view local_name(const xmlNode* node) {
  std::string_view name = reinterpret_cast<const char*>(node->name);
  if (!node->ns) {
    const std::size_t colon = name.find(':');
    if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
  }
  return name;
}

bool is_element(const xmlNode* node) { return node && node->type == XML_ELEMENT_NODE; }

bool is_named(const xmlNode* node, Ns ns, std::string_view name) {
  return is_element(node) && local_name(node) == name && ns_of(node) == ns;
}

std::string text_of(const xmlNode* node) {
  return XmlString(xmlNodeGetContent(node)).str();
}

std::string trimmed_text_of(const xmlNode* node) {
  const std::string text = text_of(node);
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  std::size_t start = 0, end = text.size();
  while (start < end && space(text[start])) ++start;
  while (end > start && space(text[end - 1])) --end;
  return text.substr(start, end - start);
}

std::string attribute(const xmlNode* node, const char* name) {
  return XmlString(xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name))).str();
}

std::string attribute_any_ns(const xmlNode* node, const char* name) {
  for (const xmlAttr* a = node->properties; a; a = a->next)
    if (a->name && std::string_view(reinterpret_cast<const char*>(a->name)) == name)
      return XmlString(xmlNodeListGetString(node->doc, a->children, 1)).str();
  return {};
}

std::string inner_xml(const xmlNode* node) {
  XmlBuffer buffer;
  if (!buffer.get()) return {};
  for (const xmlNode* child = node->children; child; child = child->next)
    xmlNodeDump(buffer.get(), node->doc, const_cast<xmlNode*>(child), 0, 0);
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())),
                     static_cast<std::size_t>(xmlBufferLength(buffer.get())));
}

std::string base_url_of(const xmlNode* node, std::string_view document_url) {
  std::vector<std::string> bases;  // innermost first
  for (const xmlNode* n = node; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
    XmlString base(xmlGetNsProp(n, reinterpret_cast<const xmlChar*>("base"), XML_XML_NAMESPACE));
    if (!base.empty()) bases.push_back(base.str());
  }
  std::string url(document_url);
  for (auto it = bases.rbegin(); it != bases.rend(); ++it) url = resolve_link(url, *it);
  return url;
}

std::string language_of(const xmlNode* node) { return XmlString(xmlNodeGetLang(node)).str(); }

}  // namespace newsmon
