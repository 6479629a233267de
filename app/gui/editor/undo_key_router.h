#pragma once

#include <QKeySequence>
#include <QList>
#include <QObject>

class QKeyEvent;
class QWidget;

namespace faaslab::gui {

class ScenarioDocument;

// Ctrl+Z and Ctrl+Shift+Z (Ctrl+Y) in a field of the scenario form act on
// the document's undo history, as in every document application. A line
// edit would otherwise take the keys for its own text history, which knows
// nothing of the document: right after typing a value, the focus is still
// in its field, and Undo did nothing.
//
// Covers every single-line field inside `scope` (the form's fields, spin
// boxes, table cell editors), also those created later. A cell being edited
// is committed first, so its text becomes a step Undo can take back.
// Multi-line text (an item edited as JSON, applied with its own button)
// keeps its own text history.
class UndoKeyRouter : public QObject {
    Q_OBJECT

public:
    UndoKeyRouter(ScenarioDocument* document, QWidget* scope);

    // Redo's keys: the platform's and Ctrl+Y, which Windows users expect.
    static QList<QKeySequence> redoKeys();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum class Command { None, Undo, Redo };
    static Command commandOf(const QKeyEvent& key);
    void commitPending(QWidget* field);

    ScenarioDocument* m_document;
    QWidget* m_scope;
};

} // namespace faaslab::gui
