#pragma once

#include "models/billing/pricing_catalog.h"
#include "models/scenario/diagnostics.h"
#include "models/scenario/scenario.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QUndoStack>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

namespace faaslab::gui {

// The scenario being edited: its JSON document (the single source of truth
// for every editor field), the file it belongs to, the undo history, and the
// result of validating it with the same ScenarioReader the command line
// uses, so the editor shows the loader's own messages.
//
// Every change goes through setValue() or replaceDocument(), which push an
// undo command; undo/redo and the "modified" marker come from the stack.
class ScenarioDocument : public QObject {
    Q_OBJECT

public:
    using Json = nlohmann::ordered_json;
    using Pointer = Json::json_pointer;

    explicit ScenarioDocument(QObject* parent = nullptr);

    const Json& json() const { return m_json; }
    // The validated scenario, when the document is valid.
    const std::optional<Scenario>& scenario() const { return m_scenario; }
    const Diagnostics& diagnostics() const { return m_diagnostics; }
    bool isValid() const { return m_scenario.has_value(); }
    // First diagnostic at `path` (dotted, as the reader reports it), or
    // nullptr.
    const Diagnostic* problemAt(const std::string& path) const { return m_diagnostics.find(path); }
    // First diagnostic at `path` or inside it ("steps" covers
    // "steps[3].from_s"), as "[3].from_s: message"; empty when none.
    QString problemUnder(const std::string& path) const;

    QString filePath() const { return m_filePath; }
    // Where the scenario's relative file names (traces) resolve.
    std::string baseDirectory() const;
    // The scenario's name, or the file name, for titles.
    QString displayName() const;
    bool isModified() const { return !m_undo.isClean(); }
    QUndoStack* undoStack() { return &m_undo; }

    // The value at `pointer`, or null.
    Json valueAt(const Pointer& pointer) const;

    // Edits, each an undoable step. Consecutive setValue() calls on the same
    // field merge into one step (typing a number is one edit, not five),
    // until the typing run ends: endTyping() (the field lost focus or Enter
    // was pressed), a pause of two seconds, or an edit elsewhere.
    void setValue(const Pointer& pointer, const Json& value, const QString& description);
    void endTyping() { ++m_typingRun; }
    // Removes the member at `pointer` (an optional field switched off).
    void removeValue(const Pointer& pointer, const QString& description);
    // Structural edits (add, remove, reorder architectures) replace the
    // whole document in one step.
    void replaceDocument(const Json& document, const QString& description);

    // Files. Loading replaces the document and clears the history; a file
    // that is not JSON is refused with the reader's message (line, column).
    bool loadFile(const QString& path, QString* error);
    // An untitled document; relative file names in it (trace files) are read
    // from `baseDirectory`, or the current directory when empty.
    void loadText(const QString& text, const QString& name, const QString& baseDirectory = {});
    bool saveFile(const QString& path, QString* error);
    void newDocument();

    // Applies a document without recording an undo step (used by the undo
    // commands themselves).
    void apply(const Json& document);

    // The presets "pricing" names resolve through (the open workspace's
    // catalog); the built-in catalog when null. Revalidates the document.
    void setPricingCatalog(std::shared_ptr<const PricingCatalog> catalog);
    const PricingCatalog& pricingCatalog() const;

signals:
    void changed();
    void validityChanged(bool valid);
    void filePathChanged();
    // Another scenario replaced this one (loadFile, loadText, newDocument):
    // what was computed or selected for the previous one no longer applies.
    // Emitted after changed() and filePathChanged().
    void loaded();
    void modifiedChanged(bool modified);

private:
    void revalidate();

    Json m_json;
    std::optional<Scenario> m_scenario;
    Diagnostics m_diagnostics;
    QString m_filePath;
    QString m_untitledBase; // baseDirectory() while there is no file path
    QString m_untitledName;
    QUndoStack m_undo;
    bool m_wasValid = false;
    unsigned m_typingRun = 0;
    QElapsedTimer m_lastEdit;
    std::shared_ptr<const PricingCatalog> m_catalog;
};

} // namespace faaslab::gui
