#pragma once

#include "app/workspace/run_store.h"
#include "app/workspace/sweep_store.h"
#include "app/workspace/workspace.h"
#include "models/billing/pricing_catalog.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <memory>
#include <nlohmann/json.hpp>

namespace faaslab::gui {

class RunController;
class ScenarioDocument;
class SweepTab;

// The desktop application's open workspace: which file, whether runs are
// recorded (a preference kept in QSettings), and recording each completed
// run of the main window with the scenario document it ran. The Library dock
// and the pricing catalog dialog read and write through it and hear of each
// change through changed().
class WorkspaceSession : public QObject {
    Q_OBJECT

public:
    explicit WorkspaceSession(QObject* parent = nullptr);
    ~WorkspaceSession() override;

    // Opens `path` (the default file when empty). On failure the previous
    // workspace stays open and *error says why.
    bool open(const QString& path, QString* error);
    bool isOpen() const { return m_workspace.isOpen(); }
    QString path() const { return m_workspace.path(); }
    workspace::Workspace& workspace() { return m_workspace; }

    // Record every completed run (QSettings "workspace/recordRuns", default on).
    bool recordsRuns() const;
    void setRecordsRuns(bool on);

    // Records runs of `controller`, each with the document as it was when
    // the run started; keeps `document`'s presets resolving through the
    // workspace's catalog.
    void attach(RunController* controller, ScenarioDocument* document);
    // Records every completed sweep of `tab` too (same preference), and
    // every stopped one that finished some points, as "cancelled".
    void attachSweeps(SweepTab* tab);

    // Stores a run now; the run id, or 0 with *error set.
    qint64 recordRun(const nlohmann::ordered_json& document, const ScenarioResults& results,
                     const QDateTime& startedAt, double wallTimeS, QString* error);

    // Stores a sweep now; the sweep id, or 0 with *error set. `status` is
    // "completed", or "cancelled" for a partial sweep (stopped: the points
    // finished before Stop, no break-even points).
    qint64 recordSweep(const nlohmann::ordered_json& document, const SweepResults& results,
                       const QDateTime& startedAt, double wallTimeS, QString* error,
                       const QString& status = QStringLiteral("completed"));

    // Tell everyone that the library or the catalog changed (after an edit
    // made through workspace()).
    void notifyChanged();

    // The catalog scenarios resolve presets through: the workspace's, or the
    // built-in one when no workspace is open.
    std::shared_ptr<const PricingCatalog> catalog() const { return m_catalog; }

signals:
    void opened(const QString& path);
    void changed();
    void runRecorded(qint64 id);
    void sweepRecorded(qint64 id);
    void recordingFailed(const QString& message);

private:
    void refreshCatalog();

    workspace::Workspace m_workspace;
    std::shared_ptr<const PricingCatalog> m_catalog;
    ScenarioDocument* m_document = nullptr;
    nlohmann::ordered_json m_runDocument;
    QDateTime m_runStarted;
    QElapsedTimer m_runClock;
    QDateTime m_sweepStarted;
    QElapsedTimer m_sweepClock;
};

} // namespace faaslab::gui
