#include "app/gui/application/json_item_editor.h"

#include "app/gui/document/problem_labels.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace faaslab::gui {

using Json = ScenarioDocument::Json;

JsonItemEditor::JsonItemEditor(ScenarioDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_title(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
    , m_apply(new QPushButton(tr("Apply"), this))
    , m_revert(new QPushButton(tr("Revert"), this))
    , m_error(createErrorLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_revert);
    top->addWidget(m_apply);
    layout->addLayout(top);
    m_text->setObjectName("itemJson");
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setTabChangesFocus(true);
    m_text->setMinimumHeight(90);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_error);
    m_apply->setToolTip(tr("Write this JSON into the scenario (Undo takes it back)"));
    m_revert->setToolTip(tr("Discard the changes to this text"));
    connect(m_apply, &QPushButton::clicked, this, &JsonItemEditor::apply);
    connect(m_revert, &QPushButton::clicked, this, &JsonItemEditor::load);
    connect(m_text, &QPlainTextEdit::modificationChanged, this, [this](bool modified) {
        m_apply->setEnabled(modified);
        m_revert->setEnabled(modified);
    });
    setPointer({}, {});
}

void JsonItemEditor::setPointer(const std::string& pointer, const QString& what) {
    m_pointer = pointer;
    m_what = what;
    m_title->setText(pointer.empty() ? tr("Select an item to edit it as JSON.")
                                     : tr("%1 as JSON:").arg(what));
    m_text->setEnabled(!pointer.empty());
    load();
}

void JsonItemEditor::load() {
    showError(m_error, {});
    const Json value =
        m_pointer.empty() ? Json() : m_document->valueAt(ScenarioDocument::Pointer(m_pointer));
    m_text->setPlainText(value.is_null() ? QString() : QString::fromStdString(value.dump(2)));
    m_text->document()->setModified(false);
    m_apply->setEnabled(false);
    m_revert->setEnabled(false);
}

void JsonItemEditor::refresh() {
    if (!m_text->document()->isModified()) {
        load();
    }
}

bool JsonItemEditor::apply() {
    if (m_pointer.empty()) {
        return false;
    }
    Json value;
    try {
        value = Json::parse(m_text->toPlainText().toStdString());
    } catch (const Json::parse_error& e) {
        showError(m_error, tr("Not JSON: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    m_text->document()->setModified(false);
    m_document->setValue(ScenarioDocument::Pointer(m_pointer), value, tr("Edit %1").arg(m_what));
    m_document->endTyping();
    load();
    return true;
}

QString JsonItemEditor::errorText() const {
    return m_error->text();
}

} // namespace faaslab::gui
