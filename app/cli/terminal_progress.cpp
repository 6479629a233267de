#include "app/cli/terminal_progress.h"

#include <cstdio>
#include <unistd.h>

namespace faaslab::cli {

bool TerminalProgress::stderrIsTerminal() {
    return ::isatty(STDERR_FILENO) == 1;
}

TerminalProgress::TerminalProgress(bool enabled)
    : m_enabled(enabled)
    , m_start(std::chrono::steady_clock::now()) {
}

TerminalProgress::~TerminalProgress() {
    finish();
}

void TerminalProgress::update(const RunProgressReport& report) {
    if (!m_enabled) {
        return;
    }
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    char eta[32] = "";
    if (report.fraction > 0.02 && report.fraction < 1.0) {
        std::snprintf(eta, sizeof eta, ", about %.0f s left",
                      elapsed * (1.0 - report.fraction) / report.fraction);
    }
    std::fprintf(stderr, "\r\033[KSimulating: %5.1f %% (%d/%d runs done), %.1f s elapsed%s",
                 report.fraction * 100.0, report.jobsDone, report.jobsTotal, elapsed, eta);
    std::fflush(stderr);
    m_drawn = true;
}

void TerminalProgress::finish() {
    if (m_drawn) {
        std::fprintf(stderr, "\r\033[K");
        std::fflush(stderr);
        m_drawn = false;
    }
}

} // namespace faaslab::cli
