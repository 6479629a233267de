#pragma once

#include <string>

namespace faaslab {

// Numbers as people read them, in one place for every layer: the reader's
// messages, the price lists' descriptions, the tables, the results files
// and both front ends.

// Shortest text that reads back as `value` ("0.2", "1e+30"); whole numbers
// in plain digits ("10000000").
std::string formatNumber(double value);

std::string formatSeconds(double seconds);  // "182.3 ms", "1.250 s", "2.5 min"
std::string formatMoney(double usd);        // "$1,234.56", "$0.000123"
std::string formatCount(double count);      // "1,234,567"
std::string formatPercent(double fraction); // "0.29 %"
std::string formatSpan(double seconds);     // "1 day", "6 h", "30 days"
std::string formatGbSeconds(double gbS);    // "188 GB-s", "0.0318 GB-s"
std::string formatFixed2(double value);     // "700.03": two decimals, no grouping

} // namespace faaslab
