#pragma once

#include <QString>

namespace faaslab::gui {

// A file name made of `text` that every file system and shell takes as it
// is: letters and digits kept, every run of anything else (":", "/", spaces)
// one "-"; no leading dot or dash; at most `maxLength` characters;
// `fallback` when nothing is left. "Mid-size API: serverless containers
// win" -> "Mid-size-API-serverless-containers-win".
QString portableFileName(const QString& text, const QString& fallback = QStringLiteral("faaslab"),
                         int maxLength = 80);

} // namespace faaslab::gui
