#include "models/format/number_format.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace faaslab {

namespace {

std::string printf1(const char* format, double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

std::string groupThousands(const std::string& digits) {
    // digits: optional '-' then integer part, then optional fraction.
    const std::size_t dot = digits.find('.');
    std::string integer = digits.substr(0, dot);
    const std::string fraction = dot == std::string::npos ? "" : digits.substr(dot);
    const bool negative = !integer.empty() && integer[0] == '-';
    if (negative) {
        integer.erase(0, 1);
    }
    std::string grouped;
    for (std::size_t i = 0; i < integer.size(); ++i) {
        if (i > 0 && (integer.size() - i) % 3 == 0) {
            grouped += ',';
        }
        grouped += integer[i];
    }
    return (negative ? "-" : "") + grouped + fraction;
}

} // namespace

std::string formatNumber(double value) {
    // Whole numbers in plain digits ("10000000", not "1e+07"): that is how
    // people write durations, rates and limits. Huge values keep the
    // exponent, which is easier to read than thirteen digits.
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e10) {
        return std::to_string(static_cast<long long>(value));
    }
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string formatSeconds(double s) {
    if (!std::isfinite(s)) {
        return "-";
    }
    const double a = std::fabs(s);
    if (a == 0.0) {
        return "0 s";
    }
    if (a < 1e-3) {
        return printf1("%.1f µs", s * 1e6);
    }
    if (a < 1.0) {
        return printf1("%.1f ms", s * 1e3);
    }
    if (a < 120.0) {
        return printf1("%.3f s", s);
    }
    if (a < 7200.0) {
        return printf1("%.1f min", s / 60.0);
    }
    return printf1("%.1f h", s / 3600.0);
}

std::string formatMoney(double usd) {
    if (!std::isfinite(usd)) {
        return "-";
    }
    const double a = std::fabs(usd);
    if (a == 0.0) {
        return "$0.00";
    }
    if (a < 0.01) {
        return "$" + printf1("%.3g", usd);
    }
    return "$" + groupThousands(printf1("%.2f", usd));
}

std::string formatCount(double count) {
    if (!std::isfinite(count)) {
        return "-";
    }
    if (count == std::floor(count) && std::fabs(count) < 1e15) {
        return groupThousands(printf1("%.0f", count));
    }
    return groupThousands(printf1("%.1f", count));
}

std::string formatPercent(double fraction) {
    if (!std::isfinite(fraction)) {
        return "-";
    }
    if (fraction != 0.0 && std::fabs(fraction) < 0.0001) {
        return printf1("%.2g %%", fraction * 100.0);
    }
    return printf1("%.2f %%", fraction * 100.0);
}

std::string formatGbSeconds(double gbS) {
    if (!std::isfinite(gbS)) {
        return "-";
    }
    return printf1("%.3g GB-s", gbS);
}

std::string formatSpan(double seconds) {
    auto plural = [](double v, const char* unit) {
        const std::string number = v == std::floor(v) ? printf1("%.0f", v) : printf1("%.2g", v);
        return number + " " + unit + (v == 1.0 ? "" : "s");
    };
    if (seconds >= 86400.0 && std::fmod(seconds, 86400.0) == 0.0) {
        return plural(seconds / 86400.0, "day");
    }
    if (seconds >= 3600.0 && std::fmod(seconds, 3600.0) == 0.0) {
        return plural(seconds / 3600.0, "hour");
    }
    if (seconds >= 60.0 && std::fmod(seconds, 60.0) == 0.0) {
        return plural(seconds / 60.0, "minute");
    }
    return plural(seconds, "second");
}

std::string formatFixed2(double value) {
    return printf1("%.2f", value);
}

} // namespace faaslab
