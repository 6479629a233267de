#pragma once

#include <cstddef>
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

// The problems found in one input. Only the first MaxListed are kept with
// their messages; the rest are counted, so that a hostile file (millions of
// unknown keys) costs neither unbounded memory nor an unreadable report.
class Diagnostics {
public:
    static constexpr std::size_t MaxListed = 100;

    void error(std::string path, std::string message, int line = 0, int column = 0);
    // A problem beyond MaxListed, counted without building its message.
    void countUnlisted() { ++m_unlisted; }
    // True once further problems are only counted: callers may skip the
    // work of describing them.
    bool full() const { return m_items.size() >= MaxListed; }

    bool hasErrors() const { return count() > 0; }
    // Every problem found, listed or not.
    std::size_t count() const { return m_items.size() + m_unlisted; }
    const std::vector<Diagnostic>& items() const { return m_items; }
    std::vector<Diagnostic>& items() { return m_items; }
    // First diagnostic whose path is `path`, or nullptr.
    const Diagnostic* find(const std::string& path) const;

    // One line per listed diagnostic, then one saying how many were not
    // listed, if any.
    std::string format(const std::string& sourceName) const;

private:
    std::vector<Diagnostic> m_items;
    std::size_t m_unlisted = 0;
};

} // namespace faaslab
