#include "app/gui/results/export_file_name.h"

namespace faaslab::gui {

QString portableFileName(const QString& text, const QString& fallback, int maxLength) {
    QString name;
    bool gap = false;
    for (const QChar c : text) {
        // Letters of any script are fine on current file systems; '_' and
        // '.' inside a name too ("v1.2"). Everything else separates words.
        if (c.isLetterOrNumber() || c == '_' || (c == '.' && !name.isEmpty())) {
            if (gap && !name.isEmpty()) {
                name += '-';
            }
            name += c;
            gap = false;
        } else {
            gap = true;
        }
    }
    name.truncate(maxLength);
    while (name.endsWith('-') || name.endsWith('.')) {
        name.chop(1);
    }
    return name.isEmpty() ? fallback : name;
}

} // namespace faaslab::gui
