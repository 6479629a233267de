#include "app/gui/document/json_field.h"

#include "app/gui/document/problem_labels.h"
#include "models/format/number_format.h"
#include "models/scenario/json_object_reader.h"
#include "models/format/json_path.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QVBoxLayout>
#include <cmath>
#include <optional>

namespace faaslab::gui {

using Json = ScenarioDocument::Json;

void allowNarrow(QComboBox* box) {
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(12);
}

JsonField::JsonField(ScenarioDocument* document, const std::string& pointer, Kind kind,
                     QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_pointer(pointer)
    , m_path(dottedPathFromPointer(pointer))
    , m_kind(kind)
    , m_error(createErrorLabel(this)) {
    setObjectName(QString::fromStdString("field:" + m_path));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    switch (kind) {
    case Kind::Number:
    case Kind::Text:
        m_line = new QLineEdit(this);
        m_line->setClearButtonEnabled(false);
        layout->addWidget(m_line);
        connect(m_line, &QLineEdit::textEdited, this, &JsonField::commitText);
        connect(m_line, &QLineEdit::editingFinished, m_document, &ScenarioDocument::endTyping);
        break;
    case Kind::Choice:
        m_combo = new QComboBox(this);
        allowNarrow(m_combo);
        layout->addWidget(m_combo);
        connect(m_combo, &QComboBox::activated, this, [this](int index) {
            if (index >= 0 && index < m_values.size()) {
                m_document->setValue(m_pointer, m_values[index].toStdString(),
                                     tr("Change %1").arg(QString::fromStdString(m_path)));
            }
        });
        break;
    case Kind::Boolean:
        m_check = new QCheckBox(this);
        layout->addWidget(m_check);
        connect(m_check, &QCheckBox::clicked, this, [this](bool checked) {
            m_document->setValue(m_pointer, checked,
                                 tr("Change %1").arg(QString::fromStdString(m_path)));
        });
        break;
    }
    layout->addWidget(m_error);
    refresh();
}

void JsonField::setChoices(const QStringList& values, const QStringList& labels) {
    m_values = values;
    m_combo->clear();
    for (int i = 0; i < values.size(); ++i) {
        m_combo->addItem(i < labels.size() ? labels[i] : values[i]);
    }
    refresh();
}

void JsonField::setDefaultChoice(const QString& value) {
    m_defaultChoice = value;
    refresh();
}

void JsonField::setPlaceholder(const QString& text) {
    if (m_line != nullptr) {
        m_line->setPlaceholderText(text);
    }
}

QString JsonField::defaultPlaceholder(std::optional<double> value) {
    return value ? tr("%1 (default)").arg(QString::fromStdString(formatNumber(*value))) : QString();
}

void JsonField::setHelp(const QString& text) {
    setToolTip(text);
    if (QWidget* w = input()) {
        w->setToolTip(text);
    }
}

QWidget* JsonField::input() const {
    if (m_line != nullptr) {
        return m_line;
    }
    if (m_combo != nullptr) {
        return m_combo;
    }
    return m_check;
}

QString JsonField::errorText() const {
    return m_error->isVisible() ? m_error->text() : QString();
}

std::optional<Json> JsonField::valueFromText(const QString& text, bool numeric) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return std::nullopt;
    }
    if (numeric) {
        bool ok = false;
        const double value = QLocale::c().toDouble(trimmed, &ok);
        if (ok && std::isfinite(value)) {
            if (value == std::floor(value) && std::fabs(value) < 9e15) {
                return Json(static_cast<std::int64_t>(value));
            }
            return Json(value);
        }
    }
    return Json(trimmed.toStdString());
}

QString JsonField::textFromValue(const Json& value) {
    if (value.is_number()) {
        return QString::fromStdString(formatNumber(value.get<double>()));
    }
    if (value.is_string()) {
        return QString::fromStdString(value.get<std::string>());
    }
    return value.is_null() ? QString() : QString::fromStdString(value.dump());
}

void JsonField::commitText(const QString& text) {
    const QString description = tr("Change %1").arg(QString::fromStdString(m_path));
    const auto value = valueFromText(text, m_kind == Kind::Number);
    if (value) {
        m_document->setValue(m_pointer, *value, description);
    } else {
        m_document->removeValue(m_pointer, description);
    }
}

void JsonField::refresh() {
    const Json value = m_document->valueAt(m_pointer);
    switch (m_kind) {
    case Kind::Number:
    case Kind::Text: {
        // While the user types, the document holds what was typed: leave the
        // text (and the cursor) alone unless it no longer means the value.
        const auto typed = valueFromText(m_line->text(), m_kind == Kind::Number);
        const bool same = typed ? *typed == value : value.is_null();
        if (!(m_line->hasFocus() && same)) {
            const QString text = textFromValue(value);
            if (m_line->text() != text) {
                m_line->setText(text);
                // setText leaves the cursor at the end, which scrolls a
                // long name or description to its last words.
                if (!m_line->hasFocus()) {
                    m_line->setCursorPosition(0);
                }
            }
        }
        break;
    }
    case Kind::Choice: {
        const QString current = value.is_string() ? QString::fromStdString(value.get<std::string>())
                                : value.is_null() ? m_defaultChoice
                                                  : QString();
        const int index = m_values.indexOf(current);
        m_combo->setCurrentIndex(index);
        break;
    }
    case Kind::Boolean:
        m_check->setChecked(value.is_boolean() && value.get<bool>());
        break;
    }
    const Diagnostic* problem = m_document->problemAt(m_path);
    showError(m_error, problem != nullptr ? QString::fromStdString(problem->message) : QString());
    if (QWidget* w = input()) {
        w->setProperty("invalid", problem != nullptr);
        w->setStyleSheet(problem != nullptr ? QStringLiteral("border: 1px solid rgb(200, 40, 40);")
                                            : QString());
    }
}

} // namespace faaslab::gui
