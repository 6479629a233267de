#include "app/gui/editor/wheel_guard.h"

#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QScrollBar>
#include <QWheelEvent>

namespace faaslab::gui {

namespace {

// The wheel-editable widget `widget` is part of (a spin box's line edit is
// part of the spin box), or nullptr.
QWidget* wheelEditableAt(QWidget* widget) {
    for (QWidget* w = widget; w != nullptr; w = w->parentWidget()) {
        if (WheelGuard::isWheelEditable(w)) {
            return w;
        }
        if (w->isWindow()) {
            break;
        }
    }
    return nullptr;
}

QAbstractScrollArea* enclosingScrollArea(QWidget* widget) {
    for (QWidget* w = widget->parentWidget(); w != nullptr; w = w->parentWidget()) {
        if (auto* area = qobject_cast<QAbstractScrollArea*>(w)) {
            return area;
        }
        if (w->isWindow()) {
            break;
        }
    }
    return nullptr;
}

} // namespace

void WheelGuard::install(QCoreApplication* application) {
    if (application == nullptr || application->findChild<WheelGuard*>() != nullptr) {
        return;
    }
    application->installEventFilter(new WheelGuard(application));
}

bool WheelGuard::isWheelEditable(const QWidget* widget) {
    if (qobject_cast<const QScrollBar*>(widget) != nullptr) {
        return false;
    }
    return qobject_cast<const QComboBox*>(widget) != nullptr ||
           qobject_cast<const QAbstractSpinBox*>(widget) != nullptr ||
           qobject_cast<const QAbstractSlider*>(widget) != nullptr;
}

bool WheelGuard::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Polish) {
        // Qt gives a WheelFocus widget the focus when the wheel turns over
        // it, before any filter sees the wheel; StrongFocus keeps click and
        // Tab and leaves the wheel out.
        auto* widget = qobject_cast<QWidget*>(watched);
        if (widget != nullptr && isWheelEditable(widget) &&
            (widget->focusPolicy() & Qt::WheelFocus) == Qt::WheelFocus) {
            widget->setFocusPolicy(Qt::StrongFocus);
        }
        return false;
    }
    if (event->type() != QEvent::Wheel || !watched->isWidgetType()) {
        return false;
    }
    auto* receiver = static_cast<QWidget*>(watched);
    QWidget* editable = wheelEditableAt(receiver);
    if (editable == nullptr || editable->hasFocus()) {
        return false;
    }
    // Not this widget's wheel: the form it sits in scrolls, as if the
    // pointer were over empty space.
    auto* wheel = static_cast<QWheelEvent*>(event);
    if (QAbstractScrollArea* area = enclosingScrollArea(editable)) {
        QWidget* viewport = area->viewport();
        const QPointF global = wheel->globalPosition();
        QWheelEvent forwarded(viewport->mapFromGlobal(global), global, wheel->pixelDelta(),
                              wheel->angleDelta(), wheel->buttons(), wheel->modifiers(),
                              wheel->phase(), wheel->inverted(), wheel->source(),
                              wheel->pointingDevice());
        QCoreApplication::sendEvent(viewport, &forwarded);
    }
    wheel->accept();
    return true;
}

} // namespace faaslab::gui
