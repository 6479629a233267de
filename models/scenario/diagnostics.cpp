#include "models/scenario/diagnostics.h"

namespace faaslab {

std::string Diagnostic::format(const std::string& sourceName) const {
    std::string text = sourceName;
    if (line > 0) {
        text += ':' + std::to_string(line);
        if (column > 0) {
            text += ':' + std::to_string(column);
        }
    }
    text += ": ";
    if (!path.empty()) {
        text += path + ": ";
    }
    text += message;
    return text;
}

void Diagnostics::error(std::string path, std::string message, int line, int column) {
    if (full()) {
        ++m_unlisted;
        return;
    }
    m_items.push_back(Diagnostic{std::move(path), std::move(message), line, column});
}

const Diagnostic* Diagnostics::find(const std::string& path) const {
    for (const Diagnostic& d : m_items) {
        if (d.path == path) {
            return &d;
        }
    }
    return nullptr;
}

std::string Diagnostics::format(const std::string& sourceName) const {
    std::string text;
    for (const Diagnostic& d : m_items) {
        text += d.format(sourceName);
        text += '\n';
    }
    if (m_unlisted > 0) {
        text += sourceName + ": " + std::to_string(m_unlisted) + " more problem" +
                (m_unlisted == 1 ? "" : "s") + " not listed (only the first " +
                std::to_string(MaxListed) + " are)\n";
    }
    return text;
}

} // namespace faaslab
