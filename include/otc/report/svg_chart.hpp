#pragma once
// SVG charts drawn by our own code for the dashboard: stacked bars, grouped bars, lines and
// horizontal bars, with nice axis ticks, a legend, thousands separators and an empty state.
//
// Values are exact integers with an exponent (minor units of a currency, hundredths of a day):
// labels are formatted from the integers, so a label never shows a float's rounding; only the
// positions on the drawing are computed in floating point.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace otc::report::svg {

/// Axis ticks in the values' units (minor units): lo, lo+step, ..., hi; lo <= 0 <= hi.
struct Ticks {
  std::int64_t lo = 0;
  std::int64_t hi = 0;
  std::int64_t step = 1;
  std::vector<std::int64_t> values() const;
};

/// Ticks covering [min, max] and zero, about `target` intervals, with a step of 1, 2 or 5 times a
/// power of ten, never smaller than `min_step` (e.g. one major unit: no 0.5 yen ticks). An empty
/// range (min == max == 0) gives 0 … min_step.
Ticks nice_ticks(std::int64_t min, std::int64_t max, int target = 5, std::int64_t min_step = 1);

/// A linear map from values to pixels.
struct Scale {
  double d0 = 0, d1 = 1;  ///< domain
  double r0 = 0, r1 = 1;  ///< range (pixels)
  double operator()(double v) const { return d1 == d0 ? r0 : r0 + (v - d0) * (r1 - r0) / (d1 - d0); }
};

/// A value for a label: `minor` with `exponent` decimals, thousands separators; `decimals` < 0 =
/// all of them, else rounded half away from zero to that many. 123456789, 2 -> "1,234,567.89".
std::string format_value(std::int64_t minor, int exponent, int decimals = -1);

/// The decimals a tick label needs for `step` (0 when the step is whole units).
int tick_decimals(std::int64_t step, int exponent);

struct Series {
  std::string name;
  std::string color;                              ///< CSS colour
  std::vector<std::optional<std::int64_t>> values;  ///< one per category; nullopt = no value (a gap)
};

struct ChartData {
  std::string title;
  std::string unit;                      ///< shown by the title and on value labels: "USD", "days"
  int exponent = 2;                      ///< decimals of the values (currency minor units, or 2 for x100)
  std::vector<std::string> categories;   ///< x labels (months) or, for horizontal bars, row labels
  std::vector<Series> series;
  std::string empty_text = "No data for this period";
};

struct Size {
  int width = 640;
  int height = 300;
};

/// Bars per category, stacked: positives upwards from zero, negatives downwards.
std::string stacked_bars(const ChartData& data, Size size = {});
/// Bars per category, side by side (one per series).
std::string grouped_bars(const ChartData& data, Size size = {});
/// One line per series; a lone point is drawn as a dot; nullopt breaks the line.
std::string lines(const ChartData& data, Size size = {});
/// One bar per category (row), the first series only, labelled with its value; negatives leftwards.
std::string horizontal_bars(const ChartData& data, Size size = {});

/// True when there is nothing to draw (no categories, or every value absent or zero).
bool is_empty(const ChartData& data);

}  // namespace otc::report::svg
