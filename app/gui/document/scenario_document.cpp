#include "app/gui/document/scenario_document.h"

#include "models/io/regular_file.h"
#include "models/scenario/json_text_parser.h"
#include "models/scenario/scenario_reader.h"
#include "models/scenario/scenario_writer.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QUndoCommand>
#include <string>
#include <vector>

namespace faaslab::gui {

namespace {

// One edit: the document before and after. Storing both whole documents
// keeps every command trivially correct (they are small: a scenario is a
// few kilobytes) and makes structural edits and field edits the same thing.
class EditCommand final : public QUndoCommand {
public:
    EditCommand(ScenarioDocument& document, ScenarioDocument::Json before,
                ScenarioDocument::Json after, const QString& text, int mergeId)
        : QUndoCommand(text)
        , m_document(document)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_mergeId(mergeId) {}

    void redo() override { m_document.apply(m_after); }
    void undo() override { m_document.apply(m_before); }
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand* other) override {
        const auto* next = static_cast<const EditCommand*>(other);
        if (next->m_mergeId != m_mergeId || m_mergeId < 0 || next->text() != text()) {
            return false;
        }
        m_after = next->m_after;
        return true;
    }

private:
    ScenarioDocument& m_document;
    ScenarioDocument::Json m_before;
    ScenarioDocument::Json m_after;
    int m_mergeId;
};

// Edits of the same field in the same typing run merge: the id hashes both
// (positive, so that -1 can mean "never merge").
int mergeIdFor(const ScenarioDocument::Pointer& pointer, unsigned run) {
    const auto hash = qHash(QString::fromStdString(pointer.to_string()), run);
    return static_cast<int>(hash & 0x7fffffff);
}

const char* const NewScenario = R"({
  "format": "faaslab.scenario/1",
  "name": "New scenario",
  "simulation": { "duration_s": 86400, "warmup_s": 0, "seed": 1, "replications": 1,
                  "timeseries_bin_s": 300 },
  "workload": {
    "arrivals": { "process": "poisson", "rate_per_s": 5 },
    "service_time_s": { "dist": "exponential", "mean": 0.2 },
    "memory_mb": 512
  },
  "architectures": [
    { "name": "Functions", "type": "serverless",
      "cold_start_s": { "dist": "lognormal", "mean": 0.5, "cv": 0.5 },
      "keep_alive_s": 600, "max_instances": 1000, "pricing": "aws-lambda-x86" }
  ]
})";

} // namespace

ScenarioDocument::ScenarioDocument(QObject* parent)
    : QObject(parent) {
    connect(&m_undo, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
    newDocument();
}

QString ScenarioDocument::displayName() const {
    if (m_json.is_object() && m_json.contains("name") && m_json["name"].is_string() &&
        !m_json["name"].get<std::string>().empty()) {
        return QString::fromStdString(m_json["name"].get<std::string>());
    }
    return m_filePath.isEmpty() ? m_untitledName : QFileInfo(m_filePath).fileName();
}

namespace {

// document[pointer] = value, also when a file being repaired has a wrong
// type on the way ("workload": 3, "pricing": "preset-id"): such a parent is
// replaced by an object, since the user is now giving it members. Returns
// false only for a pointer that cannot name a place (an array index past
// the end).
bool assignAt(ScenarioDocument::Json& document, const ScenarioDocument::Pointer& pointer,
              const ScenarioDocument::Json& value) {
    using Json = ScenarioDocument::Json;
    using Pointer = ScenarioDocument::Pointer;
    Pointer rest = pointer;
    std::vector<std::string> tokens;
    while (!rest.empty()) {
        tokens.insert(tokens.begin(), rest.back());
        rest.pop_back();
    }
    Json* node = &document;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string& token = tokens[i];
        const bool index =
            !token.empty() && token.find_first_not_of("0123456789") == std::string::npos;
        if (node->is_array() && index) {
            const std::size_t at = token.size() <= 9 ? std::stoul(token) : node->size();
            if (at >= node->size()) {
                return false;
            }
            node = &(*node)[at];
        } else {
            if (!node->is_object()) {
                *node = Json::object();
            }
            node = &(*node)[token];
        }
    }
    *node = value;
    return true;
}

} // namespace

ScenarioDocument::Json ScenarioDocument::valueAt(const Pointer& pointer) const {
    return m_json.contains(pointer) ? m_json.at(pointer) : Json();
}

void ScenarioDocument::setValue(const Pointer& pointer, const Json& value,
                                const QString& description) {
    if (m_json.contains(pointer) && m_json.at(pointer) == value) {
        return;
    }
    Json after = m_json;
    if (!assignAt(after, pointer, value)) {
        return;
    }
    if (!m_lastEdit.isValid() || m_lastEdit.elapsed() > 2000) {
        endTyping();
    }
    m_lastEdit.start();
    m_undo.push(new EditCommand(*this, m_json, std::move(after), description,
                                mergeIdFor(pointer, m_typingRun)));
}

void ScenarioDocument::removeValue(const Pointer& pointer, const QString& description) {
    if (!m_json.contains(pointer)) {
        return;
    }
    Json after = m_json;
    after[pointer.parent_pointer()].erase(pointer.back());
    m_undo.push(new EditCommand(*this, m_json, std::move(after), description, -1));
}

void ScenarioDocument::replaceDocument(const Json& document, const QString& description) {
    if (document == m_json) {
        return;
    }
    m_undo.push(new EditCommand(*this, m_json, document, description, -1));
}

void ScenarioDocument::apply(const Json& document) {
    m_json = document;
    revalidate();
    emit changed();
}

void ScenarioDocument::setPricingCatalog(std::shared_ptr<const PricingCatalog> catalog) {
    m_catalog = std::move(catalog);
    revalidate();
    emit changed();
}

const PricingCatalog& ScenarioDocument::pricingCatalog() const {
    return m_catalog ? *m_catalog : PricingCatalog::builtin();
}

std::string ScenarioDocument::baseDirectory() const {
    // An untitled or workspace scenario resolves relative trace names from
    // the current directory, like the command line does; an example from the
    // folder its sample traces were written beside.
    return m_filePath.isEmpty() ? m_untitledBase.toStdString()
                                : QFileInfo(m_filePath).absolutePath().toStdString();
}

void ScenarioDocument::revalidate() {
    ScenarioReader reader(pricingCatalog());
    reader.setBaseDirectory(baseDirectory());
    ScenarioReadResult result = reader.readJson(m_json);
    m_scenario = std::move(result.scenario);
    m_diagnostics = std::move(result.diagnostics);
    if (m_wasValid != isValid()) {
        m_wasValid = isValid();
        emit validityChanged(m_wasValid);
    }
}

void ScenarioDocument::newDocument() {
    m_filePath.clear();
    m_untitledBase.clear();
    m_untitledName = tr("Untitled");
    m_undo.clear();
    apply(Json::parse(NewScenario));
    emit filePathChanged();
    emit loaded();
}

void ScenarioDocument::loadText(const QString& text, const QString& name,
                                const QString& baseDirectory) {
    m_filePath.clear();
    m_untitledBase = baseDirectory;
    m_untitledName = name;
    m_undo.clear();
    apply(Json::parse(text.toStdString()));
    emit filePathChanged();
    emit loaded();
}

bool ScenarioDocument::loadFile(const QString& path, QString* error) {
    // A FIFO or a device would block the open or the read.
    if (const auto problem = regularFileProblem(QFile::encodeName(path).toStdString())) {
        *error = tr("Cannot open %1: %2").arg(path, QString::fromStdString(*problem));
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot open %1: %2").arg(path, file.errorString());
        return false;
    }
    if (file.size() > static_cast<qint64>(ScenarioReader::MaxFileBytes)) {
        *error = tr("%1 is too large for a scenario file.").arg(path);
        return false;
    }
    const QByteArray bytes = file.readAll();
    // The reader locates syntax errors; only then is a file refused. A file
    // with rule violations opens, showing its problems in the editor.
    const std::string text = bytes.toStdString();
    const ScenarioReadResult check = ScenarioReader().readText(text);
    // Through the reader's parser, not Json::parse: it refuses nesting the
    // editor could not show and stays linear in the number of keys.
    Diagnostics parseProblems;
    const auto document = JsonTextParser::parse(text, JsonLocator(text), parseProblems);
    if (!document || !document->is_object()) {
        *error = QString::fromStdString(check.diagnostics.format(path.toStdString()));
        return false;
    }
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_undo.clear();
    apply(*document);
    emit filePathChanged();
    emit loaded();
    return true;
}

bool ScenarioDocument::saveFile(const QString& path, QString* error) {
    // A valid scenario is written in the canonical form (every setting
    // explicit); an invalid one as it stands, so no edit is lost.
    const std::string text = m_scenario ? scenarioToText(*m_scenario) : m_json.dump(2) + "\n";
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(text.data(), static_cast<qint64>(text.size()));
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_undo.setClean();
    // Relative trace names now resolve beside the new file.
    revalidate();
    emit filePathChanged();
    return true;
}

QString ScenarioDocument::problemUnder(const std::string& path) const {
    for (const Diagnostic& d : m_diagnostics.items()) {
        if (d.path.rfind(path, 0) != 0) {
            continue;
        }
        const std::string rest = d.path.substr(path.size());
        if (rest.empty()) {
            return QString::fromStdString(d.message);
        }
        if (rest.front() == '[' || rest.front() == '.') {
            return QString::fromStdString(rest + ": " + d.message);
        }
    }
    return {};
}

} // namespace faaslab::gui
