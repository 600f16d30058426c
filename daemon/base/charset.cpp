#include "daemon/base/charset.h"

#include "daemon/base/ascii.h"
#include "daemon/base/utf8.h"

#include <cerrno>
#include <iconv.h>
#include <uchardet/uchardet.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>

namespace newsmon {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// IconvHandle: the one owner of an iconv_t (to UTF-8). Not copyable; one per call.
class IconvHandle {
 public:
  explicit IconvHandle(const std::string& from) : handle_(iconv_open("UTF-8", from.c_str())) {}
  ~IconvHandle() {
    if (ok()) iconv_close(handle_);
  }
  IconvHandle(const IconvHandle&) = delete;
  IconvHandle& operator=(const IconvHandle&) = delete;
  bool ok() const { return handle_ != reinterpret_cast<iconv_t>(-1); }
  iconv_t get() const { return handle_; }

 private:
  iconv_t handle_;
};

// Uchardet: the one owner of a uchardet_t detector. Not copyable; one per call.
class Uchardet {
 public:
  Uchardet() : handle_(uchardet_new()) {}
  ~Uchardet() {
    if (handle_) uchardet_delete(handle_);
  }
  Uchardet(const Uchardet&) = delete;
  Uchardet& operator=(const Uchardet&) = delete;
  uchardet_t get() const { return handle_; }

 private:
  uchardet_t handle_;
};

// A charset label as servers and pages write it: trimmed of whitespace and of
// the quotes around a value ("charset='utf-8'").
std::string_view trim_label(std::string_view s) { return ascii::trim_any(s, " \t\r\n\"'"); }

// The iconv name to decode `charset` with: supersets for the labels that
// servers use loosely (as the WHATWG Encoding standard does).
std::string iconv_name(std::string_view charset) {
  const std::string name = ascii::lower(trim_label(charset));
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 24> kAliases{{
      {"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"}, {"iso_8859-1", "WINDOWS-1252"},
      {"latin1", "WINDOWS-1252"}, {"latin-1", "WINDOWS-1252"}, {"l1", "WINDOWS-1252"},
      {"us-ascii", "WINDOWS-1252"}, {"ascii", "WINDOWS-1252"}, {"cp1252", "WINDOWS-1252"},
      {"x-cp1252", "WINDOWS-1252"}, {"iso-8859-9", "WINDOWS-1254"}, {"gb2312", "GB18030"},
      {"gbk", "GB18030"}, {"x-gbk", "GB18030"}, {"euc-cn", "GB18030"}, {"gb_2312-80", "GB18030"},
      {"utf8", "UTF-8"}, {"unicode-1-1-utf-8", "UTF-8"}, {"ks_c_5601-1987", "CP949"},
      {"euc-kr", "CP949"}, {"shift_jis", "CP932"}, {"x-sjis", "CP932"}, {"sjis", "CP932"},
      {"windows-31j", "CP932"},
  }};
  for (const auto& [alias, real] : kAliases)
    if (name == alias) return std::string(real);
  return ascii::upper(name);
}

bool is_utf8_name(const std::string& name) { return name == "UTF-8"; }
bool is_wide_name(const std::string& name) {
  return name.starts_with("UTF-16") || name.starts_with("UTF-32") || name.starts_with("UCS-") ||
         name == "UNICODE";
}

bool has_non_ascii(std::string_view bytes) {
  return std::any_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// UTF-8 in, UTF-8 out: every invalid byte becomes U+FFFD.
std::string repair_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  while (!bytes.empty()) {
    // Fast path over ASCII runs.
    std::size_t ascii = 0;
    while (ascii < bytes.size() && static_cast<unsigned char>(bytes[ascii]) < 0x80) ++ascii;
    out.append(bytes.substr(0, ascii));
    bytes.remove_prefix(ascii);
    if (bytes.empty()) break;
    const std::size_t n = utf8_sequence_length(bytes);
    if (n == 0) {
      out += kReplacement;
      bytes.remove_prefix(1);
    } else {
      out.append(bytes.substr(0, n));
      bytes.remove_prefix(n);
    }
  }
  return out;
}

std::size_t code_unit_size(const std::string& name) {
  if (name.starts_with("UTF-16") || name.starts_with("UCS-2") || name == "UNICODE") return 2;
  if (name.starts_with("UTF-32") || name.starts_with("UCS-4")) return 4;
  return 1;
}

// Decodes with iconv, or returns false when iconv does not know `name`.
bool iconv_decode(std::string_view bytes, const std::string& name, std::string& out) {
  IconvHandle cd(name);
  if (!cd.ok()) return false;
  const std::size_t unit = code_unit_size(name);
  out.clear();
  out.reserve(bytes.size() + bytes.size() / 2);
  std::array<char, 16384> buffer;
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  while (true) {
    char* out_ptr = buffer.data();
    std::size_t out_left = buffer.size();
    const std::size_t r = in_left ? iconv(cd.get(), &in, &in_left, &out_ptr, &out_left)
                                  : iconv(cd.get(), nullptr, nullptr, &out_ptr, &out_left);
    const int error = errno;
    out.append(buffer.data(), out_ptr - buffer.data());
    if (r != static_cast<std::size_t>(-1)) {
      if (in_left == 0 && out_ptr == buffer.data()) break;
      continue;
    }
    if (error == E2BIG) continue;
    if (error == EILSEQ) {
      out += kReplacement;
      const std::size_t skip = std::min(unit, in_left);
      in += skip;
      in_left -= skip;
      iconv(cd.get(), nullptr, nullptr, nullptr, nullptr);  // reset the shift state
      continue;
    }
    // EINVAL: an incomplete sequence at the end.
    out += kReplacement;
    break;
  }
  return true;
}

std::string strip_leading_bom(std::string text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  return text;
}

// The value of `key=` in a run of attributes (`encoding="x"`, `charset=x`).
std::string attribute_value(std::string_view text, std::string_view key) {
  const std::string low = ascii::lower(text);
  std::size_t at = 0;
  while ((at = low.find(key, at)) != std::string::npos) {
    std::size_t i = at + key.size();
    at = i;
    while (i < low.size() && (low[i] == ' ' || low[i] == '\t' || low[i] == '\n' || low[i] == '\r')) ++i;
    if (i >= low.size() || low[i] != '=') continue;
    ++i;
    while (i < low.size() && (low[i] == ' ' || low[i] == '\t' || low[i] == '"' || low[i] == '\'')) ++i;
    const std::size_t start = i;
    while (i < low.size() && (ascii::is_alnum(low[i]) || std::strchr("-_.:()+", low[i]))) ++i;
    if (i > start) return std::string(text.substr(start, i - start));
  }
  return {};
}

// The encoding named by an XML declaration near the start, or "".
std::string xml_declared_charset(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 1024);
  const std::size_t start = head.find("<?xml");
  if (start == std::string_view::npos) return {};
  const std::size_t end = head.find("?>", start);
  return attribute_value(head.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start),
                         "encoding");
}

// The charset of a <meta charset> or <meta http-equiv content="...; charset=">
// in the first 1024 bytes, or "".
std::string html_meta_charset(std::string_view bytes) {
  const std::string head = ascii::lower(bytes.substr(0, 1024));
  std::size_t at = 0;
  while ((at = head.find("<meta", at)) != std::string::npos) {
    const std::size_t end = head.find('>', at);
    const std::string_view tag = std::string_view(head).substr(at, end == std::string::npos ? std::string::npos : end - at);
    std::string charset = attribute_value(tag, "charset");
    if (!charset.empty()) return charset;
    at += 5;
  }
  return {};
}

// Decodes with the first usable candidate; the caller has ruled out a BOM.
DecodedText decode_declared(std::string_view bytes, std::initializer_list<std::string_view> declared) {
  std::optional<bool> valid;  // computed once, when needed
  const auto valid_utf8 = [&] {
    if (!valid) valid = is_valid_utf8(bytes);
    return *valid;
  };
  for (const std::string_view candidate : declared) {
    if (trim_label(candidate).empty()) continue;
    std::string name = iconv_name(candidate);
    if (is_wide_name(name)) continue;  // we read this label as ASCII: it cannot be UTF-16
    if (is_utf8_name(name)) return {repair_utf8(bytes), "UTF-8"};
    if (valid_utf8() && has_non_ascii(bytes)) return {std::string(bytes), "UTF-8"};  // mislabelled
    std::string out;
    if (iconv_decode(bytes, name, out)) return {std::move(out), name};
  }
  if (valid_utf8()) return {std::string(bytes), "UTF-8"};
  std::string guess = detect_charset(bytes);
  std::string name = guess.empty() || guess == "ASCII" || guess == "UTF-8" ? "WINDOWS-1252" : iconv_name(guess);
  std::string out;
  if (!iconv_decode(bytes, name, out)) {
    name = "WINDOWS-1252";
    iconv_decode(bytes, name, out);
  }
  return {std::move(out), name};
}

// A BOM, or UTF-16 recognisable from "<" followed or preceded by a zero byte.
std::string wide_charset(std::string_view bytes) {
  std::string bom(charset_of_bom(bytes));
  if (!bom.empty()) return bom;
  if (bytes.size() >= 4) {
    if (bytes[0] == '<' && bytes[1] == 0 && bytes[2] != 0) return "UTF-16LE";
    if (bytes[0] == 0 && bytes[1] == '<') return "UTF-16BE";
  }
  return {};
}

DecodedText decode_wide(std::string_view bytes, const std::string& name) {
  std::string_view body = bytes;
  const std::string_view bom = charset_of_bom(bytes);
  if (!bom.empty()) body.remove_prefix(name == "UTF-8" ? 3 : name.starts_with("UTF-16") ? 2 : 4);
  if (name == "UTF-8") return {repair_utf8(body), name};
  std::string out;
  iconv_decode(body, name, out);
  return {strip_leading_bom(std::move(out)), name};
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  while (!bytes.empty()) {
    if (static_cast<unsigned char>(bytes.front()) < 0x80) {
      bytes.remove_prefix(1);
      continue;
    }
    const std::size_t n = utf8_sequence_length(bytes);
    if (n == 0) return false;
    bytes.remove_prefix(n);
  }
  return true;
}

std::string_view charset_of_bom(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return "UTF-8";
  if (bytes.starts_with(std::string_view("\xFF\xFE\x00\x00", 4))) return "UTF-32LE";
  if (bytes.starts_with(std::string_view("\x00\x00\xFE\xFF", 4))) return "UTF-32BE";
  if (bytes.starts_with("\xFF\xFE")) return "UTF-16LE";
  if (bytes.starts_with("\xFE\xFF")) return "UTF-16BE";
  return {};
}

std::string detect_charset(std::string_view bytes) {
  Uchardet detector;
  if (!detector.get()) return {};
  // 64 KiB is plenty to decide and keeps a 50 MB body cheap.
  const std::string_view sample = bytes.substr(0, 64 * 1024);
  if (uchardet_handle_data(detector.get(), sample.data(), sample.size()) != 0) return {};
  uchardet_data_end(detector.get());
  const char* guess = uchardet_get_charset(detector.get());
  return guess ? std::string(guess) : std::string();
}

bool charset_is_supported(std::string_view charset) {
  const std::string name = iconv_name(charset);
  if (name.empty()) return false;
  return IconvHandle(name).ok();
}

std::string convert_to_utf8(std::string_view bytes, std::string_view charset) {
  const std::string name = iconv_name(charset);
  if (name.empty() || is_utf8_name(name)) return strip_leading_bom(repair_utf8(bytes));
  std::string out;
  if (!iconv_decode(bytes, name, out)) return strip_leading_bom(repair_utf8(bytes));
  return strip_leading_bom(std::move(out));
}

std::string html_to_utf8(std::string_view bytes, std::string_view http_charset) {
  const std::string bom(charset_of_bom(bytes));
  if (!bom.empty()) return decode_wide(bytes, bom).text;
  return decode_declared(bytes, {http_charset, html_meta_charset(bytes)}).text;
}

DecodedText xml_to_utf8(std::string_view bytes, std::string_view http_charset) {
  const std::string wide = wide_charset(bytes);
  if (!wide.empty()) return decode_wide(bytes, wide);
  return decode_declared(bytes, {xml_declared_charset(bytes), http_charset});
}

std::string charset_of_content_type(std::string_view content_type) {
  std::size_t semicolon = content_type.find(';');
  while (semicolon != std::string_view::npos) {
    std::string_view parameter = content_type.substr(semicolon + 1);
    const std::size_t next = parameter.find(';');
    parameter = trim_label(parameter.substr(0, next));
    const std::size_t equals = parameter.find('=');
    if (equals != std::string_view::npos && ascii::lower(trim_label(parameter.substr(0, equals))) == "charset")
      return std::string(trim_label(parameter.substr(equals + 1)));
    semicolon = next == std::string_view::npos ? next : semicolon + 1 + next;
  }
  return {};
}

}  // namespace newsmon
