#include "app/gui/library/workspace_session.h"

#include "app/gui/document/scenario_document.h"
#include "app/gui/run_controller.h"
#include "app/gui/sweep/sweep_tab.h"
#include "app/workspace/pricing_catalog_store.h"
#include "app/workspace/scenario_store.h"

#include <QSettings>

namespace faaslab::gui {

namespace {
const char* const RecordRunsKey = "workspace/recordRuns";
} // namespace

WorkspaceSession::WorkspaceSession(QObject* parent)
    : QObject(parent)
    , m_catalog(std::make_shared<PricingCatalog>(PricingCatalog::builtin())) {
}

WorkspaceSession::~WorkspaceSession() = default;

bool WorkspaceSession::open(const QString& path, QString* error) {
    const QString file = path.isEmpty() ? workspace::Workspace::defaultPath() : path;
    // Open the new file beside the old one, so a refused file changes nothing.
    auto candidate = std::make_unique<workspace::Workspace>();
    if (!candidate->open(file, error)) {
        return false;
    }
    candidate->close();
    if (!m_workspace.open(file, error)) {
        return false;
    }
    refreshCatalog();
    emit opened(m_workspace.path());
    emit changed();
    return true;
}

bool WorkspaceSession::recordsRuns() const {
    return QSettings().value(RecordRunsKey, true).toBool();
}

void WorkspaceSession::setRecordsRuns(bool on) {
    QSettings().setValue(RecordRunsKey, on);
}

void WorkspaceSession::attach(RunController* controller, ScenarioDocument* document) {
    m_document = document;
    document->setPricingCatalog(m_catalog);
    connect(controller, &RunController::started, this, [this] {
        m_runDocument = m_document->json();
        m_runStarted = QDateTime::currentDateTimeUtc();
        m_runClock.start();
    });
    connect(controller, &RunController::finished, this, [this, controller] {
        if (!recordsRuns() || !isOpen() || m_runDocument.is_null()) {
            return;
        }
        QString error;
        const double wall = static_cast<double>(m_runClock.elapsed()) / 1000.0;
        const qint64 id =
            recordRun(m_runDocument, controller->results(), m_runStarted, wall, &error);
        if (id == 0) {
            emit recordingFailed(error);
        }
    });
}

void WorkspaceSession::attachSweeps(SweepTab* tab) {
    connect(tab->controller(), &RunController::started, this, [this] {
        m_sweepStarted = QDateTime::currentDateTimeUtc();
        m_sweepClock.start();
    });
    auto record = [this](const nlohmann::ordered_json& document, const SweepResults& results,
                         const QString& status) {
        if (!recordsRuns() || !isOpen()) {
            return;
        }
        QString error;
        const double wall = static_cast<double>(m_sweepClock.elapsed()) / 1000.0;
        if (recordSweep(document, results, m_sweepStarted, wall, &error, status) == 0) {
            emit recordingFailed(error);
        }
    };
    connect(tab, &SweepTab::sweepCompleted, this,
            [record](const nlohmann::ordered_json& document, const SweepResults& results) {
                record(document, results, QStringLiteral("completed"));
            });
    // A stopped sweep's finished points are kept as a partial sweep, with
    // the status "cancelled" the sweep history already has for it.
    connect(tab, &SweepTab::sweepStopped, this,
            [record](const nlohmann::ordered_json& document, const SweepResults& results) {
                record(document, results, QStringLiteral("cancelled"));
            });
}

qint64 WorkspaceSession::recordSweep(const nlohmann::ordered_json& document,
                                     const SweepResults& results, const QDateTime& startedAt,
                                     double wallTimeS, QString* error, const QString& status) {
    if (!isOpen()) {
        *error = tr("No workspace is open.");
        return 0;
    }
    const auto revision =
        workspace::ScenarioStore(m_workspace)
            .record(QString::fromStdString(results.scenarioName), document, error);
    if (!revision) {
        return 0;
    }
    workspace::RunRecord record;
    record.startedAt = startedAt;
    record.wallTimeS = wallTimeS;
    record.status = status;
    // The GUI sweeps rank by the default cost, as SweepSpec does.
    const auto id = workspace::SweepStore(m_workspace)
                        .save(revision->id, results, SweepSpec{}.costMetric, record, error);
    if (!id) {
        return 0;
    }
    emit sweepRecorded(*id);
    emit changed();
    return *id;
}

qint64 WorkspaceSession::recordRun(const nlohmann::ordered_json& document,
                                   const ScenarioResults& results, const QDateTime& startedAt,
                                   double wallTimeS, QString* error) {
    if (!isOpen()) {
        *error = tr("No workspace is open.");
        return 0;
    }
    const auto revision =
        workspace::ScenarioStore(m_workspace)
            .record(QString::fromStdString(results.scenarioName), document, error);
    if (!revision) {
        return 0;
    }
    workspace::RunRecord record;
    record.startedAt = startedAt;
    record.wallTimeS = wallTimeS;
    const auto id = workspace::RunStore(m_workspace).save(revision->id, results, record, error);
    if (!id) {
        return 0;
    }
    emit runRecorded(*id);
    emit changed();
    return *id;
}

void WorkspaceSession::notifyChanged() {
    refreshCatalog();
    emit changed();
}

void WorkspaceSession::refreshCatalog() {
    QString error;
    auto stored = workspace::PricingCatalogStore(m_workspace).catalog(&error);
    m_catalog = stored ? std::make_shared<PricingCatalog>(std::move(*stored))
                       : std::make_shared<PricingCatalog>(PricingCatalog::builtin());
    if (m_document != nullptr) {
        m_document->setPricingCatalog(m_catalog);
    }
}

} // namespace faaslab::gui
