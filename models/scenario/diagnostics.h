#pragma once

#include <string>
#include <vector>

namespace faaslab {

// One problem found in an input file: where (JSON path and, when known, line
// and column) and why (the rule that was broken).
struct Diagnostic {
    std::string path; // e.g. "workload.arrivals.rate_per_s"; empty for the whole document
    std::string message;
    int line = 0; // 1-based; 0 when unknown
    int column = 0;

    // "file:line:column: path: message", omitting the parts that are unknown.
    std::string format(const std::string& sourceName) const;
    bool operator==(const Diagnostic&) const = default;
};

class Diagnostics {
public:
    void error(std::string path, std::string message, int line = 0, int column = 0);

    bool hasErrors() const { return !m_items.empty(); }
    const std::vector<Diagnostic>& items() const { return m_items; }
    std::vector<Diagnostic>& items() { return m_items; }
    // First diagnostic whose path is `path`, or nullptr.
    const Diagnostic* find(const std::string& path) const;

    // One line per diagnostic.
    std::string format(const std::string& sourceName) const;

private:
    std::vector<Diagnostic> m_items;
};

} // namespace faaslab
