#include "app/gui/editor/undo_key_router.h"

#include "app/gui/document/scenario_document.h"

#include <QAbstractItemDelegate>
#include <QAbstractItemView>
#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>

namespace faaslab::gui {

UndoKeyRouter::UndoKeyRouter(ScenarioDocument* document, QWidget* scope)
    : QObject(scope)
    , m_document(document)
    , m_scope(scope) {
    // On the application, so fields created after this (rebuilt forms,
    // cell editors) are covered without registering each one.
    QCoreApplication::instance()->installEventFilter(this);
}

QList<QKeySequence> UndoKeyRouter::redoKeys() {
    QList<QKeySequence> keys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence& extra :
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)}) {
        if (!keys.contains(extra)) {
            keys.append(extra);
        }
    }
    return keys;
}

UndoKeyRouter::Command UndoKeyRouter::commandOf(const QKeyEvent& key) {
    if (key.matches(QKeySequence::Undo)) {
        return Command::Undo;
    }
    const QKeySequence pressed(key.keyCombination());
    for (const QKeySequence& redo : redoKeys()) {
        if (redo == pressed) {
            return Command::Redo;
        }
    }
    return Command::None;
}

void UndoKeyRouter::commitPending(QWidget* field) {
    // A form field writes every keystroke through; ending the typing run
    // makes what was typed one step of its own.
    m_document->endTyping();
    // A table cell being edited holds its text until it closes: write it
    // (through the view's delegate, as Enter would) and close the editor.
    for (QWidget* w = field; w != nullptr && w != m_scope; w = w->parentWidget()) {
        QWidget* parent = w->parentWidget();
        auto* view =
            parent != nullptr ? qobject_cast<QAbstractItemView*>(parent->parentWidget()) : nullptr;
        if (view != nullptr && parent == view->viewport()) {
            QAbstractItemDelegate* delegate = view->itemDelegateForIndex(view->currentIndex());
            emit delegate->commitData(w);
            emit delegate->closeEditor(w, QAbstractItemDelegate::NoHint);
            return;
        }
    }
}

bool UndoKeyRouter::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type type = event->type();
    if (type != QEvent::ShortcutOverride && type != QEvent::KeyPress) {
        return false;
    }
    auto* field = qobject_cast<QLineEdit*>(watched);
    if (field == nullptr || !m_scope->isAncestorOf(field)) {
        return false;
    }
    auto* key = static_cast<QKeyEvent*>(event);
    const Command command = commandOf(*key);
    if (command == Command::None) {
        return false;
    }
    if (type == QEvent::ShortcutOverride) {
        // Claim the keys, so they arrive here as a key press whatever
        // window the form is in (a floating dock too).
        key->accept();
        return true;
    }
    commitPending(field);
    QUndoStack* stack = m_document->undoStack();
    if (command == Command::Undo) {
        stack->undo();
    } else {
        stack->redo();
    }
    return true;
}

} // namespace faaslab::gui
