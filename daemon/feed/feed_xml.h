// The XML side of feed parsing: repairing what real feeds get wrong before
// libxml2 sees it, the one owner of a parsed libxml2 document, and the
// small node helpers the RSS and Atom readers share. Internal to the feed
// parser (feed_parser.cpp, rss_reader.cpp, atom_reader.cpp).
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>

#include "daemon/base/result.h"

namespace newsmon {

// UTF-8 XML text made safe and well-formed enough for libxml2: the XML
// declaration (we have decoded already) and any DOCTYPE (with its entity
// declarations: no XXE, no billion laughs) are removed; HTML named entities
// become numeric references; a bare `&` or a `<` that starts no tag becomes
// text; control characters XML forbids (raw or as references) are dropped.
// CDATA sections, comments and processing instructions are kept.
std::string repair_feed_xml(std::string_view utf8);

// XmlDocument: owns one libxml2 document (xmlFreeDoc on destruction).
// Movable, not copyable. Read-only use from several threads is safe.
class XmlDocument {
 public:
  XmlDocument() = default;
  explicit XmlDocument(xmlDocPtr doc) : doc_(doc) {}
  ~XmlDocument() { reset(); }
  XmlDocument(XmlDocument&& other) noexcept : doc_(other.doc_) { other.doc_ = nullptr; }
  XmlDocument& operator=(XmlDocument&& other) noexcept {
    if (this != &other) {
      reset();
      doc_ = other.doc_;
      other.doc_ = nullptr;
    }
    return *this;
  }
  XmlDocument(const XmlDocument&) = delete;
  XmlDocument& operator=(const XmlDocument&) = delete;
  xmlNodePtr root() const { return doc_ ? xmlDocGetRootElement(doc_) : nullptr; }

 private:
  void reset() {
    if (doc_) xmlFreeDoc(doc_);
    doc_ = nullptr;
  }
  xmlDocPtr doc_ = nullptr;
};

// Parses repaired UTF-8 XML with recovery, without network access, DTD
// loading or entity substitution. An Error naming `feed_url` when libxml2
// cannot build any element at all.
Result<XmlDocument> parse_xml_document(const std::string& repaired, std::string_view feed_url);

// The vocabularies feeds mix, by namespace URI (or, for an undeclared
// prefix such as "dc:creator" without xmlns:dc, by the usual prefix).
enum class Ns { none, rss, rdf, atom, atom03, dc, dcterms, content, media, sy, xhtml, other };

Ns ns_of(const xmlNode* node);
// The element or attribute name without its prefix.
std::string_view local_name(const xmlNode* node);
bool is_element(const xmlNode* node);
// `node` is an element called `name` in vocabulary `ns`.
bool is_named(const xmlNode* node, Ns ns, std::string_view name);
// All text below `node` (CDATA included), as written.
std::string text_of(const xmlNode* node);
// All text below `node`, trimmed.
std::string trimmed_text_of(const xmlNode* node);
// An attribute without namespace ("" when absent).
std::string attribute(const xmlNode* node, const char* name);
// An attribute by local name in any namespace ("rdf:about"); "" when absent.
std::string attribute_any_ns(const xmlNode* node, const char* name);
// The XML markup of the children of `node` (for Atom xhtml content).
std::string inner_xml(const xmlNode* node);
// The base URL in effect at `node`: every xml:base from the root down,
// resolved in turn against `document_url`.
std::string base_url_of(const xmlNode* node, std::string_view document_url);
// The xml:lang in effect at `node` ("" when none).
std::string language_of(const xmlNode* node);

}  // namespace newsmon
