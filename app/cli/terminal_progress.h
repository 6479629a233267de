#pragma once

#include "models/runner/scenario_runner.h"

#include <chrono>

namespace faaslab::cli {

// A one-line progress display on standard error, redrawn in place; silent
// when standard error is not a terminal (pipes and logs stay clean).
class TerminalProgress {
public:
    explicit TerminalProgress(bool enabled);
    ~TerminalProgress();

    void update(const RunProgressReport& report);
    // Erases the line.
    void finish();

    static bool stderrIsTerminal();

private:
    bool m_enabled;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_start;
};

} // namespace faaslab::cli
