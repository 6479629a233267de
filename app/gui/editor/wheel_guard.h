#pragma once

#include <QObject>

class QCoreApplication;
class QWidget;

namespace faaslab::gui {

// Keeps the mouse wheel from changing a setting nobody chose to change. A
// combo box, spin box, date edit or slider scrolled over on the way down a
// form would otherwise take the wheel for itself: one notch switched a
// keep-alive policy, another a price list. Such a widget now takes the wheel
// only when it has the keyboard focus (clicked or tabbed into, Qt's
// StrongFocus); otherwise the wheel scrolls the form around it.
//
// One filter on the application covers every such widget, also those created
// later: table editors, dialogs, rebuilt forms.
class WheelGuard : public QObject {
    Q_OBJECT

public:
    // Installs the guard on `application` once; later calls do nothing.
    static void install(QCoreApplication* application);
    // A widget whose value the wheel changes (scroll bars only scroll).
    static bool isWheelEditable(const QWidget* widget);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    using QObject::QObject;
};

} // namespace faaslab::gui
