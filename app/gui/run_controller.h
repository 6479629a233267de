#pragma once

#include "models/results/scenario_results.h"
#include "models/scenario/scenario.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QTimer>
#include <atomic>
#include <functional>
#include <memory>

namespace faaslab::gui {

// Runs long simulation work (a scenario, a sweep) on a worker thread and
// reports to the GUI thread: progress with elapsed time and an estimate of
// the rest, polled ten times a second (the worker never touches a widget),
// and completion or cancellation. stop() sets a flag the engine polls every
// few thousand events, so a run stops within milliseconds.
class RunController : public QObject {
    Q_OBJECT

public:
    explicit RunController(QObject* parent = nullptr);
    ~RunController() override;

    // Runs one scenario.
    void startScenario(const Scenario& scenario);

    // Runs any job: `job(cancel, progress)` returns true when it completed.
    // `progress` takes a fraction in [0, 1].
    void startJob(
        std::function<bool(const std::atomic<bool>& cancel, std::function<void(double)> progress)>
            job);

    bool isRunning() const { return m_running; }
    // Seconds since the current (or last) job started.
    double elapsedS() const { return static_cast<double>(m_clock.elapsed()) / 1000.0; }
    void stop();
    // The last completed scenario run.
    const ScenarioResults& results() const { return m_results; }
    // Blocks (processing events) until the current job ends; for tests and
    // the screenshot mode.
    bool waitForFinished(int timeoutMs);

signals:
    void started();
    // fraction in [0, 1]; seconds since the start; estimated seconds left
    // (negative while unknown).
    void progress(double fraction, double elapsedS, double remainingS);
    void finished();
    void cancelled();
    void failed(const QString& message);

private:
    void poll();
    void onDone();

    std::atomic<bool> m_cancel{false};
    std::atomic<double> m_fraction{0.0};
    QFutureWatcher<bool> m_watcher;
    QTimer m_poll;
    QElapsedTimer m_clock;
    bool m_running = false;
    QString m_error;
    std::shared_ptr<ScenarioResults> m_pending; // written by the worker only
    ScenarioResults m_results;
};

} // namespace faaslab::gui
