#include "app/gui/run_progress_widget.h"

#include "app/gui/run_controller.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <cmath>

namespace faaslab::gui {

QString formatDuration(double seconds) {
    const auto total = static_cast<long long>(std::llround(std::max(0.0, seconds)));
    if (total < 60) {
        return QObject::tr("%1 s").arg(total);
    }
    if (total < 3600) {
        return QObject::tr("%1 min %2 s").arg(total / 60).arg(total % 60, 2, 10, QChar('0'));
    }
    return QObject::tr("%1 h %2 min").arg(total / 3600).arg((total % 3600) / 60, 2, 10, QChar('0'));
}

RunProgressWidget::RunProgressWidget(RunController* controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_bar(new QProgressBar(this))
    , m_time(new QLabel(this))
    , m_stop(new QPushButton(tr("Stop"), this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(true);
    m_bar->setMinimumWidth(160);
    m_stop->setToolTip(tr("Stop the run; nothing partial is shown."));
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_time);
    layout->addWidget(m_stop);
    connect(m_stop, &QPushButton::clicked, controller, &RunController::stop);
    connect(controller, &RunController::progress, this, &RunProgressWidget::onProgress);
    connect(controller, &RunController::started, this, [this] { setVisible(true); });
    connect(controller, &RunController::finished, this, &RunProgressWidget::onEnded);
    connect(controller, &RunController::cancelled, this, &RunProgressWidget::onEnded);
    connect(controller, &RunController::failed, this, &RunProgressWidget::onEnded);
    setVisible(false);
}

void RunProgressWidget::onProgress(double fraction, double elapsedS, double remainingS) {
    m_bar->setValue(static_cast<int>(fraction * 1000.0));
    m_bar->setFormat(QStringLiteral("%1 %").arg(fraction * 100.0, 0, 'f', 0));
    m_time->setText(remainingS >= 0.0
                        ? tr("%1 elapsed, about %2 left")
                              .arg(formatDuration(elapsedS), formatDuration(remainingS))
                        : tr("%1 elapsed").arg(formatDuration(elapsedS)));
}

void RunProgressWidget::onEnded() {
    setVisible(false);
}

void RunProgressWidget::setStopToolTip(const QString& text) {
    m_stop->setToolTip(text);
}

QString RunProgressWidget::statusText() const {
    return m_time->text();
}

} // namespace faaslab::gui
