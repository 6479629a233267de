#include "models/results/metric_values.h"

namespace faaslab {

void MetricValues::set(std::string_view key, double value) {
    for (Entry& entry : m_entries) {
        if (entry.key == key) {
            entry.value = value;
            return;
        }
    }
    m_entries.push_back(Entry{std::string(key), value});
}

void MetricValues::erase(std::string_view key) {
    std::erase_if(m_entries, [key](const Entry& e) { return e.key == key; });
}

std::optional<double> MetricValues::find(std::string_view key) const {
    for (const Entry& entry : m_entries) {
        if (entry.key == key) {
            return entry.value;
        }
    }
    return std::nullopt;
}

} // namespace faaslab
