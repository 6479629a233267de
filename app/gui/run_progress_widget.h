#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace faaslab::gui {

class RunController;

// A progress bar with elapsed time, an estimate of the time left and a Stop
// button, following a RunController. Used for scenario runs (in the status
// bar) and sweeps (in the Sweep tab), so both report progress the same way.
class RunProgressWidget : public QWidget {
    Q_OBJECT

public:
    explicit RunProgressWidget(RunController* controller, QWidget* parent = nullptr);

    QString statusText() const;
    // What Stop's tooltip says happens to the work done so far.
    void setStopToolTip(const QString& text);

private:
    void onProgress(double fraction, double elapsedS, double remainingS);
    void onEnded();

    RunController* m_controller;
    QProgressBar* m_bar;
    QLabel* m_time;
    QPushButton* m_stop;
};

// "12 s", "3 min 20 s", "1 h 05 min".
QString formatDuration(double seconds);

} // namespace faaslab::gui
