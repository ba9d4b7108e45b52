#include "otc/report/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "otc/core/money.hpp"
#include "otc/report/html.hpp"
#include "otc/report/row_sink.hpp"

namespace otc::report::svg {
namespace {

std::int64_t pow10(int e) {
  std::int64_t p = 1;
  for (int i = 0; i < e; ++i) p *= 10;
  return p;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return -floor_div(-a, b); }

// Coordinates with one decimal: small files, stable output.
std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s(buf);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  if (s == "-0") s = "0";
  return s;
}

std::size_t chars(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string cut(std::string_view s, std::size_t max) {
  if (chars(s) <= max) return std::string(s);
  std::string out;
  std::size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++n == max) break;
    out.push_back(c);
  }
  return out + "\xE2\x80\xA6";
}

constexpr double kCharPx = 6.6;   // average width of an 11px sans-serif character
constexpr int kTitleH = 24;
constexpr int kLegendH = 20;
constexpr int kBottom = 26;

std::string open_svg(const ChartData& d, Size size) {
  std::string title = d.title + (d.unit.empty() ? "" : " (" + d.unit + ")");
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " + std::to_string(size.width) + " " +
                    std::to_string(size.height) + "\" width=\"" + std::to_string(size.width) + "\" height=\"" +
                    std::to_string(size.height) + "\" role=\"img\" aria-label=\"" + html_escape(title) + "\">\n";
  out += "<title>" + html_escape(title) + "</title>\n";
  out += "<text class=\"chart-title\" x=\"0\" y=\"16\" font-size=\"14\" font-weight=\"bold\" fill=\"#1f2937\">" +
         html_escape(title) + "</text>\n";
  return out;
}

std::string empty_state(const ChartData& d, Size size) {
  std::string out = open_svg(d, size);
  const int top = kTitleH + 6;
  out += "<rect class=\"empty\" x=\"1\" y=\"" + std::to_string(top) + "\" width=\"" + std::to_string(size.width - 2) +
         "\" height=\"" + std::to_string(size.height - top - 1) +
         "\" fill=\"#f9fafb\" stroke=\"#d1d5db\" stroke-dasharray=\"4 3\"/>\n";
  out += "<text class=\"empty-text\" x=\"" + num(size.width / 2.0) + "\" y=\"" + num((top + size.height) / 2.0) +
         "\" text-anchor=\"middle\" font-size=\"13\" fill=\"#6b7280\">" + html_escape(d.empty_text) + "</text>\n";
  return out + "</svg>\n";
}

std::string legend(const ChartData& d, double x0, double y) {
  std::string out = "<g class=\"legend\" font-size=\"11\" fill=\"#374151\">\n";
  double x = x0;
  for (const auto& s : d.series) {
    out += "<rect x=\"" + num(x) + "\" y=\"" + num(y - 9) + "\" width=\"10\" height=\"10\" fill=\"" + html_escape(s.color) + "\"/>";
    out += "<text x=\"" + num(x + 14) + "\" y=\"" + num(y) + "\">" + html_escape(s.name) + "</text>\n";
    x += 14 + static_cast<double>(chars(s.name)) * kCharPx + 14;
  }
  return out + "</g>\n";
}

// The value range of the data: stacked sums (positives and negatives apart) or single values.
void value_range(const ChartData& d, bool stacked, std::int64_t& lo, std::int64_t& hi) {
  lo = 0, hi = 0;
  for (std::size_t c = 0; c < d.categories.size(); ++c) {
    std::int64_t pos = 0, neg = 0;
    for (const auto& s : d.series) {
      if (c >= s.values.size() || !s.values[c]) continue;
      std::int64_t v = *s.values[c];
      if (stacked) {
        (v >= 0 ? pos : neg) += v;
      } else {
        hi = std::max(hi, v);
        lo = std::min(lo, v);
      }
    }
    if (stacked) hi = std::max(hi, pos), lo = std::min(lo, neg);
  }
}

struct Frame {
  double left, right, top, bottom;  // the plot area
  Ticks ticks;
  Scale y;
  int tick_dec;
};

// A vertical value axis with grid lines, for bars and lines; returns the plot frame.
Frame value_axis(std::string& out, const ChartData& d, Size size, std::int64_t lo, std::int64_t hi) {
  Frame f;
  f.ticks = nice_ticks(lo, hi, 5, 1);  // never finer than one minor unit: no half-yen ticks
  f.tick_dec = tick_decimals(f.ticks.step, d.exponent);
  std::size_t widest = 1;
  for (auto t : f.ticks.values()) widest = std::max(widest, chars(format_value(t, d.exponent, f.tick_dec)));
  f.left = 8 + static_cast<double>(widest) * kCharPx;
  f.right = size.width - 8;
  f.top = kTitleH + kLegendH + 8;
  f.bottom = size.height - kBottom;
  f.y = Scale{static_cast<double>(f.ticks.lo), static_cast<double>(f.ticks.hi), f.bottom, f.top};
  out += "<g class=\"y-axis\" font-size=\"11\" fill=\"#4b5563\">\n";
  for (auto t : f.ticks.values()) {
    double y = f.y(static_cast<double>(t));
    out += "<line x1=\"" + num(f.left) + "\" x2=\"" + num(f.right) + "\" y1=\"" + num(y) + "\" y2=\"" + num(y) + "\" stroke=\"" +
           (t == 0 ? "#6b7280" : "#e5e7eb") + "\"/>";
    out += "<text x=\"" + num(f.left - 4) + "\" y=\"" + num(y + 4) + "\" text-anchor=\"end\">" +
           html_escape(format_value(t, d.exponent, f.tick_dec)) + "</text>\n";
  }
  out += "</g>\n";
  return f;
}

// Category labels under the plot; every k-th when they would overlap.
void category_labels(std::string& out, const ChartData& d, const Frame& f, double band) {
  std::size_t widest = 1;
  for (const auto& c : d.categories) widest = std::max(widest, chars(c));
  const double need = static_cast<double>(widest) * kCharPx + 6;
  const std::size_t every = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(need / std::max(band, 1.0))));
  out += "<g class=\"x-axis\" font-size=\"11\" fill=\"#4b5563\" text-anchor=\"middle\">\n";
  for (std::size_t i = 0; i < d.categories.size(); ++i) {
    // the last category (the as-of month) is always labelled
    if ((d.categories.size() - 1 - i) % every != 0) continue;
    out += "<text x=\"" + num(f.left + band * (static_cast<double>(i) + 0.5)) + "\" y=\"" + num(f.bottom + 16) + "\">" +
           html_escape(d.categories[i]) + "</text>\n";
  }
  out += "</g>\n";
}

std::string bar_title(const ChartData& d, std::size_t c, const Series& s, std::int64_t v) {
  return "<title>" + html_escape(d.categories[c] + " " + s.name + ": " + format_value(v, d.exponent) +
                                 (d.unit.empty() ? "" : " " + d.unit)) +
         "</title>";
}

std::string rect(double x, double y0, double y1, double w, const std::string& color, const std::string& title) {
  double top = std::min(y0, y1), h = std::abs(y1 - y0);
  return "<rect x=\"" + num(x) + "\" y=\"" + num(top) + "\" width=\"" + num(w) + "\" height=\"" + num(h) + "\" fill=\"" +
         html_escape(color) + "\">" + title + "</rect>\n";
}

std::string bars(const ChartData& d, Size size, bool stacked) {
  if (is_empty(d)) return empty_state(d, size);
  std::int64_t lo, hi;
  value_range(d, stacked, lo, hi);
  std::string out = open_svg(d, size);
  Frame f = value_axis(out, d, size, lo, hi);
  out += legend(d, f.left, kTitleH + 12);
  const double band = (f.right - f.left) / static_cast<double>(d.categories.size());
  const double bar_w = std::min(band * 0.7, 60.0);
  const double y0 = f.y(0);
  out += "<g class=\"bars\">\n";
  for (std::size_t c = 0; c < d.categories.size(); ++c) {
    const double x = f.left + band * static_cast<double>(c) + (band - bar_w) / 2;
    std::int64_t pos = 0, neg = 0;
    std::size_t k = 0;
    const double sub_w = bar_w / static_cast<double>(std::max<std::size_t>(1, d.series.size()));
    for (const auto& s : d.series) {
      const std::size_t idx = k++;
      if (c >= s.values.size() || !s.values[c] || *s.values[c] == 0) continue;
      const std::int64_t v = *s.values[c];
      if (stacked) {
        std::int64_t& base = v >= 0 ? pos : neg;
        out += rect(x, f.y(static_cast<double>(base)), f.y(static_cast<double>(base + v)), bar_w, s.color, bar_title(d, c, s, v));
        base += v;
      } else {
        out += rect(x + sub_w * static_cast<double>(idx), y0, f.y(static_cast<double>(v)), sub_w - 1, s.color,
                    bar_title(d, c, s, v));
      }
    }
  }
  out += "</g>\n";
  out += "<line class=\"zero\" x1=\"" + num(f.left) + "\" x2=\"" + num(f.right) + "\" y1=\"" + num(y0) + "\" y2=\"" + num(y0) +
         "\" stroke=\"#374151\"/>\n";
  category_labels(out, d, f, band);
  return out + "</svg>\n";
}

}  // namespace

std::vector<std::int64_t> Ticks::values() const {
  std::vector<std::int64_t> out;
  for (std::int64_t v = lo; v <= hi; v += step) out.push_back(v);
  return out;
}

Ticks nice_ticks(std::int64_t min, std::int64_t max, int target, std::int64_t min_step) {
  if (min_step < 1) min_step = 1;
  if (target < 1) target = 1;
  std::int64_t lo = std::min<std::int64_t>(min, 0), hi = std::max<std::int64_t>(max, 0);
  if (lo == hi) return Ticks{0, min_step, min_step};
  const double raw = static_cast<double>(hi - lo) / target;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double m = raw / mag;
  const double nice = m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10;
  std::int64_t step = std::max<std::int64_t>(min_step, std::llround(nice * mag));
  return Ticks{floor_div(lo, step) * step, ceil_div(hi, step) * step, step};
}

std::string format_value(std::int64_t minor, int exponent, int decimals) {
  if (decimals < 0 || decimals >= exponent) {
    std::string s = core::format_amount(minor, exponent);
    if (decimals > exponent) s += (exponent == 0 ? "." : "") + std::string(static_cast<std::size_t>(decimals - exponent), '0');
    return group_thousands(s);
  }
  const std::int64_t div = pow10(exponent - decimals);
  const std::int64_t mag = minor < 0 ? -minor : minor;
  std::int64_t r = (mag + div / 2) / div;
  return group_thousands(core::format_amount(minor < 0 ? -r : r, decimals));
}

int tick_decimals(std::int64_t step, int exponent) {
  int d = exponent;
  while (d > 0 && step % pow10(exponent - d + 1) == 0) --d;
  return d;
}

bool is_empty(const ChartData& d) {
  if (d.categories.empty()) return true;
  for (const auto& s : d.series)
    for (const auto& v : s.values)
      if (v && *v != 0) return false;
  return true;
}

std::string stacked_bars(const ChartData& d, Size size) { return bars(d, size, true); }
std::string grouped_bars(const ChartData& d, Size size) { return bars(d, size, false); }

std::string lines(const ChartData& d, Size size) {
  bool any = false;
  for (const auto& s : d.series)
    for (const auto& v : s.values) any = any || v.has_value();
  if (d.categories.empty() || !any) return empty_state(d, size);
  std::int64_t lo, hi;
  value_range(d, false, lo, hi);
  std::string out = open_svg(d, size);
  Frame f = value_axis(out, d, size, lo, hi);
  out += legend(d, f.left, kTitleH + 12);
  const double band = (f.right - f.left) / static_cast<double>(d.categories.size());
  auto x_of = [&](std::size_t c) { return f.left + band * (static_cast<double>(c) + 0.5); };
  out += "<g class=\"lines\">\n";
  for (const auto& s : d.series) {
    std::string path;
    bool pen = false;
    for (std::size_t c = 0; c < d.categories.size(); ++c) {
      if (c >= s.values.size() || !s.values[c]) {
        pen = false;
        continue;
      }
      path += (pen ? " L" : (path.empty() ? "M" : " M")) + num(x_of(c)) + " " + num(f.y(static_cast<double>(*s.values[c])));
      pen = true;
    }
    if (!path.empty())
      out += "<path d=\"" + path + "\" fill=\"none\" stroke=\"" + html_escape(s.color) + "\" stroke-width=\"2\"/>\n";
    for (std::size_t c = 0; c < d.categories.size() && c < s.values.size(); ++c) {
      if (!s.values[c]) continue;
      out += "<circle cx=\"" + num(x_of(c)) + "\" cy=\"" + num(f.y(static_cast<double>(*s.values[c]))) + "\" r=\"3\" fill=\"" +
             html_escape(s.color) + "\">" + bar_title(d, c, s, *s.values[c]) + "</circle>\n";
    }
  }
  out += "</g>\n";
  category_labels(out, d, f, band);
  return out + "</svg>\n";
}

std::string horizontal_bars(const ChartData& d, Size size) {
  if (is_empty(d) || d.series.empty()) return empty_state(d, size);
  const Series& s = d.series.front();
  std::int64_t lo = 0, hi = 0;
  value_range(d, false, lo, hi);
  Ticks ticks = nice_ticks(lo, hi, 4, 1);
  const int dec = tick_decimals(ticks.step, d.exponent);
  std::size_t label_chars = 4;
  for (const auto& c : d.categories) label_chars = std::max(label_chars, std::min<std::size_t>(26, chars(c)));
  std::size_t value_chars = 4;
  for (const auto& v : s.values)
    if (v) value_chars = std::max(value_chars, chars(format_value(*v, d.exponent)));
  std::string out = open_svg(d, size);
  const double left = 8 + static_cast<double>(label_chars) * kCharPx;
  const double right = size.width - 8 - static_cast<double>(value_chars) * kCharPx;
  const double top = kTitleH + 8, bottom = size.height - kBottom;
  Scale x{static_cast<double>(ticks.lo), static_cast<double>(ticks.hi), left, right};
  out += "<g class=\"x-axis\" font-size=\"11\" fill=\"#4b5563\" text-anchor=\"middle\">\n";
  for (auto t : ticks.values()) {
    double px = x(static_cast<double>(t));
    out += "<line x1=\"" + num(px) + "\" x2=\"" + num(px) + "\" y1=\"" + num(top) + "\" y2=\"" + num(bottom) + "\" stroke=\"" +
           (t == 0 ? "#6b7280" : "#e5e7eb") + "\"/>";
    out += "<text x=\"" + num(px) + "\" y=\"" + num(bottom + 16) + "\">" + html_escape(format_value(t, d.exponent, dec)) + "</text>\n";
  }
  out += "</g>\n";
  const double band = (bottom - top) / static_cast<double>(d.categories.size());
  const double bar_h = std::min(band * 0.7, 22.0);
  out += "<g class=\"bars\" font-size=\"11\" fill=\"#374151\">\n";
  for (std::size_t c = 0; c < d.categories.size(); ++c) {
    const double y = top + band * static_cast<double>(c) + (band - bar_h) / 2;
    out += "<text x=\"" + num(left - 4) + "\" y=\"" + num(y + bar_h / 2 + 4) + "\" text-anchor=\"end\">" +
           html_escape(cut(d.categories[c], 26)) + "</text>";
    if (c >= s.values.size() || !s.values[c]) {
      out += "\n";
      continue;
    }
    const std::int64_t v = *s.values[c];
    const double x0 = x(0), x1 = x(static_cast<double>(v));
    out += "<rect x=\"" + num(std::min(x0, x1)) + "\" y=\"" + num(y) + "\" width=\"" + num(std::abs(x1 - x0)) + "\" height=\"" +
           num(bar_h) + "\" fill=\"" + html_escape(s.color) + "\">" + bar_title(d, c, s, v) + "</rect>";
    out += "<text x=\"" + num(std::max(x0, x1) + 4) + "\" y=\"" + num(y + bar_h / 2 + 4) + "\">" +
           html_escape(format_value(v, d.exponent)) + "</text>\n";
  }
  out += "</g>\n";
  return out + "</svg>\n";
}

}  // namespace otc::report::svg
