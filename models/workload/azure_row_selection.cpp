#include "models/workload/azure_row_selection.h"

namespace faaslab {

AzureRowSelection::AzureRowSelection(const std::vector<std::string>& keys) {
    for (const std::string& key : keys) {
        m_requested.emplace(key, false);
    }
}

bool AzureRowSelection::keeps(std::string_view key) {
    if (m_requested.empty()) {
        return true;
    }
    const auto it = m_requested.find(key);
    if (it == m_requested.end()) {
        return false;
    }
    it->second = true;
    return true;
}

std::optional<TraceError> AzureRowSelection::missing(std::string_view what,
                                                     std::string_view trace) const {
    for (const auto& [key, seen] : m_requested) {
        if (!seen) {
            return TraceError{
                0, 0, std::string(what) + " '" + key + "' is not in the " + std::string(trace)};
        }
    }
    return std::nullopt;
}

} // namespace faaslab
