#pragma once

#include <QString>

namespace faaslab::gui {

// The one- or two-sentence explanation of a scenario field, for tooltips:
// what the concept is and why it matters, in plain words. `key` is the
// field's JSON key ("keep_alive_s"); empty when there is none.
QString fieldHelp(const QString& key);

// The label a form shows for a key ("Keep-alive (s)").
QString fieldLabel(const QString& key);

} // namespace faaslab::gui
