#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace faaslab {

// An ordered list of named scalar results. Keys are dotted paths
// ("latency_s.p99", "cost.breakdown.compute") that the JSON writer nests and
// the CSV writer uses as column names; the order is the order of insertion,
// so every output lists metrics the same way.
class MetricValues {
public:
    struct Entry {
        std::string key;
        double value = 0.0;
        bool operator==(const Entry&) const = default;
    };

    void set(std::string_view key, double value);
    void erase(std::string_view key);
    std::optional<double> find(std::string_view key) const;
    // The value of `key`, or 0 when absent.
    double value(std::string_view key) const { return find(key).value_or(0.0); }
    bool contains(std::string_view key) const { return find(key).has_value(); }

    const std::vector<Entry>& entries() const { return m_entries; }
    bool empty() const { return m_entries.empty(); }
    bool operator==(const MetricValues&) const = default;

private:
    std::vector<Entry> m_entries;
};

} // namespace faaslab
