#include "results_tab.h"

#include <QEvent>

namespace faaslab::gui {

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
