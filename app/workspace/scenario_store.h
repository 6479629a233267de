#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

namespace faaslab::workspace {

class Workspace;

struct StoredScenario {
    qint64 id = 0;
    QString name;
    QStringList tags; // sorted
    QDateTime createdAt;
    QDateTime updatedAt;
    int revisionCount = 0;
    int runCount = 0;
    qint64 latestRevisionId = 0;
};

struct ScenarioRevision {
    qint64 id = 0;
    qint64 scenarioId = 0;
    int number = 0;   // 1, 2, ... within the scenario
    QString document; // the scenario file's JSON text
    QDateTime createdAt;
};

// The scenario library. A scenario is known by its name (unique in the
// workspace) and keeps every version of its document that was saved or
// run, so a stored run always points at exactly what was simulated.
class ScenarioStore {
public:
    explicit ScenarioStore(Workspace& workspace)
        : m_workspace(workspace) {}

    // Stores `document` as the newest revision of the scenario `name`,
    // creating the scenario when there is none of that name. A document
    // equal to the newest revision is not stored again; that revision is
    // returned.
    std::optional<ScenarioRevision> record(const QString& name,
                                           const nlohmann::ordered_json& document, QString* error);

    // Scenarios whose name contains `search` (case-insensitive) and that
    // carry `tag` (when not empty), by name.
    std::optional<std::vector<StoredScenario>> list(const QString& search, const QString& tag,
                                                    QString* error) const;
    std::optional<StoredScenario> find(qint64 id, QString* error) const;
    std::optional<StoredScenario> findByName(const QString& name, QString* error) const;
    std::optional<ScenarioRevision> revision(qint64 revisionId, QString* error) const;
    std::optional<std::vector<ScenarioRevision>> revisions(qint64 scenarioId, QString* error) const;
    std::optional<QStringList> allTags(QString* error) const;

    // Renaming also renames the document's "name" in a new revision, so the
    // library and the file agree.
    bool rename(qint64 id, const QString& newName, QString* error);
    // A new scenario with the newest document (renamed) and the tags, no runs.
    std::optional<qint64> duplicate(qint64 id, const QString& newName, QString* error);
    // Deletes the scenario with its revisions, runs and sweeps.
    bool remove(qint64 id, QString* error);
    bool setTags(qint64 id, const QStringList& tags, QString* error);

    // A name not used yet: `base`, else "base (2)", "base (3)" ...
    QString unusedName(const QString& base) const;

private:
    std::optional<ScenarioRevision> addRevision(qint64 scenarioId, const QString& text,
                                                QString* error);
    Workspace& m_workspace;
};

} // namespace faaslab::workspace
