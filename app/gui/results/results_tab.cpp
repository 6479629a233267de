#include "app/gui/results/results_tab.h"

#include <QEvent>

namespace faaslab::gui {

QString ResultsTab::runHint() const {
    return m_runnable ? tr("Press Run (Ctrl+R) to simulate the scenario.")
                      : tr("Fix the scenario's problems (see Problems), then press Run (Ctrl+R) "
                           "to simulate it.");
}

void ResultsTab::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_restylePending) {
        m_restylePending = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_restylePending = false;
                restyle();
            },
            Qt::QueuedConnection);
    }
}

} // namespace faaslab::gui
