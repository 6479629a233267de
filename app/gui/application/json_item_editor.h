#pragma once

#include "app/gui/document/scenario_document.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace faaslab::gui {

// Edits one item of the scenario (a trigger, an edge) as JSON text, for the
// members that have no form of their own. Applying replaces the item in the
// document in one undoable step, so the scenario reader validates it like
// any other edit and its messages appear with the item's list; only text
// that is not JSON at all is refused here, with the parser's position.
class JsonItemEditor : public QWidget {
    Q_OBJECT

public:
    explicit JsonItemEditor(ScenarioDocument* document, QWidget* parent = nullptr);

    // The item edited ("/application/triggers/1"); empty shows nothing.
    void setPointer(const std::string& pointer, const QString& what);
    const std::string& pointer() const { return m_pointer; }
    // Shows the document's value again unless the text has unapplied edits.
    void refresh();
    QPlainTextEdit* textEdit() const { return m_text; }
    // Applies the text; false (with the parser's message shown) when it is
    // not JSON.
    bool apply();
    QString errorText() const;

private:
    void load();

    ScenarioDocument* m_document;
    std::string m_pointer;
    QString m_what;
    QLabel* m_title;
    QPlainTextEdit* m_text;
    QPushButton* m_apply;
    QPushButton* m_revert;
    QLabel* m_error;
};

} // namespace faaslab::gui
