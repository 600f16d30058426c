#include "extractors/content_scorer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include "daemon/base/ascii.h"
#include "extractors/boilerplate_rules.h"
#include "extractors/html_document.h"
#include "extractors/text_builder.h"

namespace newsmon {
namespace {

// Per-node counts over the kept (not skipped) part of a subtree.
struct Stats {
  float chars = 0;     // folded text length
  float links = 0;     // text inside <a>, fragment links weighted 0.3
  float commas = 0;
  float heading = 0;   // text inside h1-h6
  float list = 0;      // text inside ul/ol
  float textish = 0;   // text inside span/li/td/p/div/... (Readability's text density)
  int p = 0, img = 0, li = 0, input = 0, embed = 0;
  int block = 0;       // descendants in Readability's DIV_TO_P set
  int nonphrasing = 0; // element descendants that are not phrasing content
  int tr = 0, cells = 0, data_table_hints = 0, tables = 0;

  void add(const Stats& o) {
    chars += o.chars; links += o.links; commas += o.commas; heading += o.heading; list += o.list;
    textish += o.textish; p += o.p; img += o.img; li += o.li; input += o.input; embed += o.embed;
    block += o.block; nonphrasing += o.nonphrasing; tr += o.tr; cells += o.cells;
    data_table_hints += o.data_table_hints; tables += o.tables;
  }
  void subtract(const Stats& o) {
    chars -= o.chars; links -= o.links; commas -= o.commas; heading -= o.heading; list -= o.list;
    textish -= o.textish; p -= o.p; img -= o.img; li -= o.li; input -= o.input; embed -= o.embed;
    block -= o.block; nonphrasing -= o.nonphrasing; tr -= o.tr; cells -= o.cells;
    data_table_hints -= o.data_table_hints; tables -= o.tables;
  }
  float link_density() const { return chars > 0 ? std::min(1.0f, links / chars) : 0.0f; }
};

bool is_div_to_p(GumboTag t) {
  return t == GUMBO_TAG_BLOCKQUOTE || t == GUMBO_TAG_DL || t == GUMBO_TAG_DIV || t == GUMBO_TAG_IMG ||
         t == GUMBO_TAG_OL || t == GUMBO_TAG_P || t == GUMBO_TAG_PRE || t == GUMBO_TAG_TABLE ||
         t == GUMBO_TAG_UL;
}

bool is_textish(GumboTag t) {
  return t == GUMBO_TAG_SPAN || t == GUMBO_TAG_LI || t == GUMBO_TAG_TD || is_div_to_p(t);
}

bool always_dropped(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_META: case GUMBO_TAG_LINK: case GUMBO_TAG_SVG: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_MAP: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO: case GUMBO_TAG_MENU: case GUMBO_TAG_APPLET: case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_DATALIST: case GUMBO_TAG_OPTION:
      return true;
    default:
      return false;
  }
}

float initial_score(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_DIV: return 5;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: return 3;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD:
    case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: return -3;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_TH: return -5;
    default: return 0;
  }
}

// Lowercase words of a text, for comparing a heading with the title.
std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  std::string w;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (ascii::is_alnum(c) || u >= 0x80) {
      w.push_back(ascii::lower(c));
    } else if (!w.empty()) {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

// Readability's _textSimilarity: share of b's words (by length) also in a.
double text_similarity(std::string_view a, std::string_view b) {
  const auto wa = words_of(a);
  const auto wb = words_of(b);
  if (wa.empty() || wb.empty()) return 0;
  std::size_t total = 0, unique = 0;
  for (const auto& w : wb) {
    total += w.size() + 1;
    if (std::find(wa.begin(), wa.end(), w) == wa.end()) unique += w.size() + 1;
  }
  return 1.0 - double(unique) / double(total);
}

class Scorer {
 public:
  Scorer(const PageTree& tree, std::string_view title, const ScoringFlags& flags)
      : t_(tree), title_(title), flags_(flags), n_(tree.size()), skip_(n_, 0), stats_(n_),
        score_(n_, 0.0f), candidate_(n_, 0), as_p_(n_, 0), elided_(n_, 0), kids_(n_, 0),
        weight_(n_, 0) {}

  ContentChoice run() {
    ContentChoice out;
    if (n_ == 0) return out;
    mark_skipped(out.byline);
    compute_stats();
    score_units();
    const std::int32_t body = find_body();
    const std::int32_t top = pick_top(body);
    if (top < 0 || top == body) {
      out.roots.push_back(body >= 0 ? body : 0);
    } else {
      out.roots = gather_siblings(top);
    }
    clean(out.roots);
    out.skip = std::move(skip_);
    return out;
  }

  ContentChoice run_with_roots(std::vector<std::int32_t> roots) {
    ContentChoice out;
    if (n_ == 0) return out;
    mark_skipped(out.byline);
    compute_stats();
    score_units();
    clean(roots);
    out.roots = std::move(roots);
    out.skip = std::move(skip_);
    return out;
  }

 private:
  bool is_el(std::size_t i) const { return !t_[i].is_text; }
  GumboTag tag(std::size_t i) const { return t_[i].tag; }

  std::string subtree_text(std::int32_t i) const {
    const std::int32_t roots[1] = {i};
    return join_paragraphs(render_paragraphs(t_, roots, skip_));
  }

  void mark_skipped(std::string& byline) {
    // raw subtree lengths, for the byline test
    std::vector<std::uint32_t> raw(n_, 0);
    for (std::size_t i = n_; i-- > 0;) {
      if (t_[i].is_text) raw[i] = t_[i].chars;
      if (t_[i].parent >= 0) raw[std::size_t(t_[i].parent)] += raw[i];
    }
    std::vector<std::uint8_t> protect(n_, 0);  // inside table or code: not "unlikely"
    bool title_heading_dropped = false;
    for (std::size_t i = 0; i < n_;) {
      const PageNode& n = t_[i];
      if (n.parent >= 0) {
        const auto par = std::size_t(n.parent);
        protect[i] = protect[par] || tag(par) == GUMBO_TAG_TABLE || tag(par) == GUMBO_TAG_CODE;
      }
      if (n.is_text) { ++i; continue; }
      bool drop = n.hidden || always_dropped(n.tag);
      if (!drop && byline.empty() && raw[i] > 0 && raw[i] < 100 && looks_like_byline(n.node)) {
        byline = subtree_text(std::int32_t(i));
        drop = true;
      }
      if (!drop && flags_.strip_unlikely && !protect[i] && is_unlikely_candidate(n.node, true)) drop = true;
      if (!drop && (n.tag == GUMBO_TAG_H1 || n.tag == GUMBO_TAG_H2) && !title_heading_dropped &&
          !title_.empty() && raw[i] < 400) {
        const std::string h = subtree_text(std::int32_t(i));
        const double sim = text_similarity(title_, h);
        if (sim > 0.75) drop = title_heading_dropped = true;
      }
      if (!drop && raw[i] < 400 && (looks_like_caption(n.node))) drop = true;
      if (drop) {
        skip_[i] = 1;
        i = std::size_t(n.end);
        continue;
      }
      if (flags_.weight_classes) weight_[i] = class_weight(n.node);
      ++i;
    }
  }

  void compute_stats() {
    // Skipped subtrees contribute nothing; walk backwards so children come first.
    std::vector<std::uint8_t> dead(n_, 0);
    for (std::size_t i = 0; i < n_; ++i) {
      if (skip_[i]) {
        for (auto k = i; k < std::size_t(t_[i].end); ++k) dead[k] = 1;
        i = std::size_t(t_[i].end) - 1;
      }
    }
    dead_ = std::move(dead);
    for (std::size_t i = n_; i-- > 0;) {
      if (dead_[i]) continue;
      const PageNode& n = t_[i];
      Stats& s = stats_[i];
      if (n.is_text) {
        s.chars = float(n.chars);
        s.commas = float(n.commas);
      } else {
        const GumboTag g = n.tag;
        if (g == GUMBO_TAG_A) {
          const std::string_view href = attribute(n.node, "href");
          s.links = s.chars * (href.starts_with("#") ? 0.3f : 1.0f);
        }
        if (is_heading_tag(g)) s.heading = s.chars;
        if (g == GUMBO_TAG_UL || g == GUMBO_TAG_OL) s.list = s.chars;
      }
      if (n.parent < 0) continue;
      const auto par = std::size_t(n.parent);
      Stats& ps = stats_[par];
      const float textish_part = (!n.is_text && is_textish(n.tag)) ? s.chars : s.textish;
      ps.add(s);
      ps.textish += textish_part - s.textish;
      if (!n.is_text) {
        const GumboTag g = n.tag;
        ++kids_[par];
        if (g == GUMBO_TAG_P) ++ps.p;
        else if (g == GUMBO_TAG_IMG) ++ps.img;
        else if (g == GUMBO_TAG_LI) ++ps.li;
        else if (g == GUMBO_TAG_INPUT) ++ps.input;
        else if (g == GUMBO_TAG_EMBED || g == GUMBO_TAG_OBJECT || g == GUMBO_TAG_IFRAME) ++ps.embed;
        else if (g == GUMBO_TAG_TR) ++ps.tr;
        else if (g == GUMBO_TAG_TD || g == GUMBO_TAG_TH) ++ps.cells;
        else if (g == GUMBO_TAG_TABLE) ++ps.tables;
        if (g == GUMBO_TAG_TH || g == GUMBO_TAG_THEAD || g == GUMBO_TAG_TFOOT || g == GUMBO_TAG_CAPTION ||
            g == GUMBO_TAG_COLGROUP)
          ++ps.data_table_hints;
        if (is_div_to_p(g)) ++ps.block;
        if (!is_phrasing(i)) ++ps.nonphrasing;
      }
    }
  }

  // Readability's _isPhrasingContent for an element.
  bool is_phrasing(std::size_t i) const {
    if (t_[i].is_text) return true;
    const GumboTag g = tag(i);
    if (!is_phrasing_tag(g)) return false;
    if (g == GUMBO_TAG_A || g == GUMBO_TAG_DEL || g == GUMBO_TAG_INS) return stats_[i].nonphrasing == 0;
    return true;
  }

  bool is_whitespace_text(std::size_t i) const { return t_[i].is_text && t_[i].chars == 0; }

  void add_unit(std::int32_t level0, float chars, float commas) {
    if (chars < 25) return;
    const float content = 1.0f + (commas + 1.0f) + std::min(std::floor(chars / 100.0f), 3.0f);
    int level = 0;
    for (std::int32_t a = level0; a >= 0 && level < 5; a = t_[std::size_t(a)].parent) {
      const auto ai = std::size_t(a);
      if (elided_[ai]) continue;
      if (t_[ai].parent < 0) break;  // <html>: Readability never scores it
      if (!candidate_[ai]) {
        candidate_[ai] = 1;
        score_[ai] = initial_score(tag(ai)) + float(weight_[ai]);
        candidates_.push_back(a);
      }
      const float divider = level == 0 ? 1.0f : level == 1 ? 2.0f : float(level) * 3.0f;
      score_[ai] += content / divider;
      ++level;
    }
  }

  // Children runs of phrasing content inside a div: [first, last] node indices.
  struct Run {
    std::int32_t first, last;
    float chars, commas;
  };

  std::vector<Run> runs_of(std::size_t div) const {
    std::vector<Run> runs;
    bool open = false;
    for (auto c = std::int32_t(div) + 1; c < t_[div].end; c = t_[std::size_t(c)].end) {
      const auto ci = std::size_t(c);
      if (dead_[ci]) continue;
      if (is_phrasing(ci)) {
        if (!open) {
          if (is_whitespace_text(ci)) continue;
          runs.push_back({c, c, 0, 0});
          open = true;
        }
        runs.back().last = c;
        runs.back().chars += stats_[ci].chars;
        runs.back().commas += stats_[ci].commas;
      } else {
        open = false;
      }
    }
    return runs;
  }

  void score_units() {
    runs_.assign(n_, {});
    // Divs first, as Readability rewrites them before scoring.
    for (std::size_t i = 0; i < n_; ++i) {
      if (dead_[i]) { i = std::size_t(t_[i].end) - 1; continue; }
      if (t_[i].is_text || tag(i) != GUMBO_TAG_DIV) continue;
      std::vector<Run> runs = runs_of(i);
      int nonphrasing_children = 0;
      std::int32_t only_child = -1;
      for (auto c = std::int32_t(i) + 1; c < t_[i].end; c = t_[std::size_t(c)].end) {
        const auto ci = std::size_t(c);
        if (dead_[ci] || t_[ci].is_text || is_phrasing(ci)) continue;
        ++nonphrasing_children;
        only_child = c;
      }
      kids_[i] = int(runs.size()) + nonphrasing_children;
      const bool single_p_child = kids_[i] == 1 && (runs.size() == 1 || tag(std::size_t(only_child)) == GUMBO_TAG_P);
      if (single_p_child && stats_[i].link_density() < 0.25f) {
        if (runs.size() == 1) {
          as_p_[i] = 1;  // the div is the paragraph
        } else {
          elided_[i] = 1;  // the div disappears; its <p> takes its place
        }
        runs.clear();
      } else if (runs.empty() && stats_[i].block == 0) {
        as_p_[i] = 1;
      }
      runs_[i] = std::move(runs);
    }
    // Then every paragraph-like unit.
    for (std::size_t i = 0; i < n_; ++i) {
      if (dead_[i]) { i = std::size_t(t_[i].end) - 1; continue; }
      if (t_[i].is_text) continue;
      const GumboTag g = tag(i);
      const bool unit = as_p_[i] || g == GUMBO_TAG_P || g == GUMBO_TAG_TD || g == GUMBO_TAG_PRE ||
                        g == GUMBO_TAG_SECTION || (is_heading_tag(g) && g != GUMBO_TAG_H1);
      if (unit) add_unit(t_[i].parent, stats_[i].chars, stats_[i].commas);
      for (const Run& r : runs_[i]) add_unit(std::int32_t(i), r.chars, r.commas);
    }
    for (const std::int32_t c : candidates_) {
      const auto ci = std::size_t(c);
      score_[ci] *= 1.0f - stats_[ci].link_density();
    }
  }

  std::int32_t find_body() const {
    for (std::size_t i = 0; i < n_; ++i)
      if (!t_[i].is_text && tag(i) == GUMBO_TAG_BODY) return std::int32_t(i);
    return -1;
  }

  bool contains(std::int32_t ancestor, std::int32_t node) const {
    return node > ancestor && node < t_[std::size_t(ancestor)].end;
  }

  std::int32_t ensure_candidate(std::int32_t c) {
    const auto ci = std::size_t(c);
    if (!candidate_[ci]) {
      candidate_[ci] = 1;
      score_[ci] = initial_score(tag(ci)) + float(weight_[ci]);
    }
    return c;
  }

  std::int32_t pick_top(std::int32_t body) {
    std::vector<std::int32_t> top;
    for (const std::int32_t c : candidates_) {
      auto pos = std::find_if(top.begin(), top.end(), [&](std::int32_t o) { return score_[std::size_t(c)] > score_[std::size_t(o)]; });
      top.insert(pos, c);
      if (top.size() > 5) top.pop_back();
    }
    if (top.empty() || top[0] == body) return top.empty() ? -1 : body;
    std::int32_t best = top[0];
    // Several strong candidates under one ancestor: the article spans them.
    std::vector<std::int32_t> alternatives;
    for (std::size_t k = 1; k < top.size(); ++k)
      if (score_[std::size_t(top[k])] / score_[std::size_t(best)] >= 0.75f) alternatives.push_back(top[k]);
    if (alternatives.size() >= 3) {
      for (std::int32_t p = t_[std::size_t(best)].parent; p >= 0 && p != body; p = t_[std::size_t(p)].parent) {
        int lists = 0;
        for (const std::int32_t a : alternatives) lists += contains(p, a) ? 1 : 0;
        if (lists >= 3) {
          best = p;
          break;
        }
      }
    }
    ensure_candidate(best);
    // Climb while the parent scores nearly as well.
    float last = score_[std::size_t(best)];
    const float threshold = last / 3.0f;
    for (std::int32_t p = t_[std::size_t(best)].parent; p >= 0 && p != body; p = t_[std::size_t(p)].parent) {
      const auto pi = std::size_t(p);
      if (!candidate_[pi] || elided_[pi]) continue;
      if (score_[pi] < threshold) break;
      if (score_[pi] > last) {
        best = p;
        break;
      }
      last = score_[pi];
    }
    // An only child stands for its parent.
    for (std::int32_t p = t_[std::size_t(best)].parent; p >= 0 && p != body; p = t_[std::size_t(p)].parent) {
      if (elided_[std::size_t(p)]) continue;
      if (kids_[std::size_t(p)] != 1) break;
      best = p;
    }
    return ensure_candidate(best);
  }

  std::string_view class_of(std::int32_t i) const { return attribute(t_[std::size_t(i)].node, "class"); }

  std::vector<std::int32_t> gather_siblings(std::int32_t top) {
    std::vector<std::int32_t> roots;
    std::int32_t parent = t_[std::size_t(top)].parent;
    while (parent >= 0 && elided_[std::size_t(parent)]) parent = t_[std::size_t(parent)].parent;
    if (parent < 0) return {top};
    const float top_score = score_[std::size_t(top)];
    const float threshold = std::max(10.0f, top_score * 0.2f);
    const std::string_view top_class = class_of(top);
    // Children of parent, looking through elided divs.
    std::vector<std::int32_t> children;
    std::vector<std::int32_t> stack;
    auto collect = [&](auto&& self, std::int32_t of) -> void {
      for (auto c = of + 1; c < t_[std::size_t(of)].end; c = t_[std::size_t(c)].end) {
        const auto ci = std::size_t(c);
        if (dead_[ci]) continue;
        if (!t_[ci].is_text && elided_[ci]) {
          self(self, c);
          continue;
        }
        children.push_back(c);
      }
    };
    collect(collect, parent);
    const bool parent_is_div = tag(std::size_t(parent)) == GUMBO_TAG_DIV;
    for (std::size_t k = 0; k < children.size(); ++k) {
      const std::int32_t c = children[k];
      const auto ci = std::size_t(c);
      if (c == top) {
        roots.push_back(c);
        continue;
      }
      if (t_[ci].is_text || is_phrasing(ci)) {
        // An inline run directly in a div reads as a paragraph.
        if (!parent_is_div || is_whitespace_text(ci)) continue;
        std::size_t e = k;
        float chars = 0, links = 0;
        while (e < children.size() && is_phrasing(std::size_t(children[e]))) {
          chars += stats_[std::size_t(children[e])].chars;
          links += stats_[std::size_t(children[e])].links;
          ++e;
        }
        if (prose_like(c, children[e - 1], chars, links)) {
          for (std::size_t q = k; q < e; ++q) roots.push_back(children[q]);
        }
        k = e - 1;
        continue;
      }
      float bonus = 0;
      if (!top_class.empty() && class_of(c) == top_class) bonus = top_score * 0.2f;
      if (candidate_[ci] && score_[ci] + bonus >= threshold) {
        roots.push_back(c);
      } else if (tag(ci) == GUMBO_TAG_P || as_p_[ci]) {
        if (prose_like(c, c, stats_[ci].chars, stats_[ci].links)) roots.push_back(c);
      }
    }
    return roots;
  }

  bool prose_like(std::int32_t first, std::int32_t last, float chars, float links) const {
    const float density = chars > 0 ? links / chars : 0;
    if (chars > 80 && density < 0.25f) return true;
    if (chars < 80 && chars > 0 && density == 0) {
      std::vector<std::int32_t> roots;
      for (auto c = first; c <= last; c = t_[std::size_t(c)].end) roots.push_back(c);
      const std::string text = join_paragraphs(render_paragraphs(t_, roots, skip_));
      for (std::size_t d = text.find('.'); d != std::string::npos; d = text.find('.', d + 1))
        if (d + 1 == text.size() || text[d + 1] == ' ') return true;
    }
    return false;
  }

  bool is_data_table(std::size_t i) const {
    const GumboNode* node = t_[i].node;
    const std::string_view role = attribute(node, "role");
    if (role == "presentation") return false;
    if (attribute(node, "datatable") == "0") return false;
    if (!attribute(node, "summary").empty()) return true;
    const Stats& s = stats_[i];
    if (s.data_table_hints > 0) return true;
    if (s.tables > 0) return false;
    const int rows = s.tr;
    const int cols = rows > 0 ? s.cells / rows : 0;
    if (rows >= 10 || cols > 4) return true;
    return rows * cols > 10;
  }

  bool remove_conditionally(std::size_t i, bool inside_data_table, bool inside_figure) const {
    const GumboTag g = tag(i);
    const Stats& s = stats_[i];
    if (g == GUMBO_TAG_TABLE && is_data_table(i)) return false;
    if (inside_data_table) return false;
    const int weight = weight_[i];
    if (weight < 0) return true;
    if (s.commas >= 10) return false;
    bool is_list = g == GUMBO_TAG_UL || g == GUMBO_TAG_OL;
    if (!is_list) is_list = s.chars > 0 && s.list / s.chars > 0.9f;
    const int p = s.p, img = s.img, li = s.li - 100, input = s.input, embed = s.embed;
    const float heading_density = s.chars > 0 ? s.heading / s.chars : 0;
    const float length = s.chars;
    const float density = s.link_density();
    if (length > 0 && length < 40) {
      const std::string text = subtree_text(std::int32_t(i));
      const std::string lower = ascii::lower(text);
      if (lower == "ad" || lower == "advertisement" || lower == "advertising" || lower == "loading" ||
          lower == "loading..." || lower == "loading…" || lower == "publicité" || lower == "werbung" ||
          lower == "anuncio")
        return true;
    }
    const bool remove =
        (!inside_figure && img > 1 && float(p) / float(img) < 0.5f) || (!is_list && li > p) ||
        (input > p / 3) ||
        (!is_list && !inside_figure && heading_density < 0.9f && length < 25 && (img == 0 || img > 2) &&
         density > 0) ||
        (!is_list && weight < 25 && density > 0.2f) || (weight >= 25 && density > 0.5f) ||
        ((embed == 1 && length < 75) || embed > 1) || (img == 0 && s.textish == 0 && length > 0);
    if (remove && is_list && img > 0 && img == s.li) return false;  // a list of images
    return remove;
  }

  void clean(const std::vector<std::int32_t>& roots) {
    for (const std::int32_t root : roots) {
      const auto r = std::size_t(root);
      if (t_[r].is_text) continue;
      const auto end = std::size_t(t_[r].end);
      // context flags, computed top-down
      std::vector<std::uint8_t> in_table(end - r, 0), in_figure(end - r, 0);
      for (std::size_t i = r + 1; i < end; ++i) {
        const auto par = std::size_t(t_[i].parent);
        const std::size_t pk = par - r;
        in_table[i - r] = in_table[pk] || (tag(par) == GUMBO_TAG_TABLE && is_data_table(par)) ||
                          tag(par) == GUMBO_TAG_CODE || tag(par) == GUMBO_TAG_PRE;
        in_figure[i - r] = in_figure[pk] || tag(par) == GUMBO_TAG_FIGURE;
      }
      for (std::size_t i = end; i-- > r;) {
        if (dead_[i] || skip_[i] || t_[i].is_text) continue;
        const GumboTag g = tag(i);
        bool drop = false;
        if (mentions_share(t_[i].node) && stats_[i].chars < 500 && i != r) drop = true;
        if (!drop && flags_.weight_classes && (g == GUMBO_TAG_H1 || g == GUMBO_TAG_H2) &&
            class_weight(t_[i].node) < 0)
          drop = true;
        if (!drop && flags_.clean_conditionally && !as_p_[i] && !elided_[i] &&
            (g == GUMBO_TAG_FORM || g == GUMBO_TAG_FIELDSET || g == GUMBO_TAG_TABLE || g == GUMBO_TAG_UL ||
             g == GUMBO_TAG_DIV))
          drop = remove_conditionally(i, in_table[i - r], in_figure[i - r]);
        if (drop) {
          skip_[i] = 1;
          Stats removed = stats_[i];
          switch (g) {
            case GUMBO_TAG_TABLE: ++removed.tables; break;
            case GUMBO_TAG_P: ++removed.p; break;
            default: break;
          }
          if (is_div_to_p(g)) ++removed.block;
          for (std::int32_t a = t_[i].parent; a >= std::int32_t(r); a = t_[std::size_t(a)].parent)
            stats_[std::size_t(a)].subtract(removed);
        }
      }
    }
  }

  const PageTree& t_;
  std::string_view title_;
  ScoringFlags flags_;
  std::size_t n_;
  std::vector<std::uint8_t> skip_;
  std::vector<std::uint8_t> dead_;
  std::vector<Stats> stats_;
  std::vector<float> score_;
  std::vector<std::uint8_t> candidate_;
  std::vector<std::uint8_t> as_p_;
  std::vector<std::uint8_t> elided_;
  std::vector<int> kids_;
  std::vector<int> weight_;
  std::vector<std::int32_t> candidates_;
  std::vector<std::vector<Run>> runs_;
};

}  // namespace

ContentChoice choose_content(const PageTree& tree, std::string_view title, const ScoringFlags& flags) {
  return Scorer(tree, title, flags).run();
}

ContentChoice clean_chosen(const PageTree& tree, std::vector<std::int32_t> roots, std::string_view title) {
  return Scorer(tree, title, ScoringFlags{false, true, true}).run_with_roots(std::move(roots));
}

}  // namespace newsmon
