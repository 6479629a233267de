#include "app/gui/document/problem_labels.h"

#include "app/gui/document/json_field.h"
#include "app/gui/document/scenario_document.h"

#include <QLabel>
#include <QSet>
#include <QVariant>
#include <vector>

namespace faaslab::gui {

namespace {

constexpr const char* ClaimProperty = "faaslabClaimsProblems";
constexpr const char* SectionProperty = "faaslabSectionProblems";

} // namespace

QLabel* createErrorLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName("error");
    label->setWordWrap(true);
    label->setVisible(false);
    label->setTextFormat(Qt::PlainText);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(200, 40, 40));
    label->setPalette(palette);
    return label;
}

void showError(QLabel* label, const QString& text) {
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

void claimProblems(QWidget* widget, const std::string& path) {
    widget->setProperty(ClaimProperty, QString::fromStdString(path));
}

void setSectionProblems(QLabel* label, const std::string& path) {
    label->setProperty(SectionProperty, QString::fromStdString(path));
}

std::optional<std::string> problemPathOf(const QWidget* widget) {
    if (const auto* field = qobject_cast<const JsonField*>(widget)) {
        return field->path();
    }
    for (const char* property : {ClaimProperty, SectionProperty}) {
        const QVariant value = widget->property(property);
        if (value.isValid()) {
            return value.toString().toStdString();
        }
    }
    return std::nullopt;
}

bool isInside(const std::string& path, const std::string& prefix) {
    if (prefix.empty()) {
        return true;
    }
    if (path.rfind(prefix, 0) != 0) {
        return false;
    }
    return path.size() == prefix.size() || path[prefix.size()] == '.' || path[prefix.size()] == '[';
}

void refreshSectionProblems(QWidget* root, const ScenarioDocument& document) {
    QSet<QString> shownExactly;
    for (const JsonField* field : root->findChildren<JsonField*>()) {
        shownExactly.insert(QString::fromStdString(field->path()));
    }
    std::vector<std::string> claimed;
    std::vector<std::pair<std::string, QLabel*>> sections;
    for (QWidget* widget : root->findChildren<QWidget*>()) {
        const QVariant claim = widget->property(ClaimProperty);
        if (claim.isValid()) {
            claimed.push_back(claim.toString().toStdString());
        }
        const QVariant section = widget->property(SectionProperty);
        if (section.isValid()) {
            sections.emplace_back(section.toString().toStdString(), static_cast<QLabel*>(widget));
        }
    }
    std::vector<QStringList> texts(sections.size());
    for (const Diagnostic& d : document.diagnostics().items()) {
        if (shownExactly.contains(QString::fromStdString(d.path))) {
            continue;
        }
        bool isClaimed = false;
        for (const std::string& prefix : claimed) {
            isClaimed = isClaimed || isInside(d.path, prefix);
        }
        if (isClaimed) {
            continue;
        }
        // The deepest section containing the path shows it.
        std::size_t best = sections.size();
        for (std::size_t i = 0; i < sections.size(); ++i) {
            if (isInside(d.path, sections[i].first) &&
                (best == sections.size() ||
                 sections[i].first.size() > sections[best].first.size())) {
                best = i;
            }
        }
        if (best < sections.size()) {
            texts[best] << QString::fromStdString(d.path.empty() ? d.message
                                                                 : d.path + ": " + d.message);
        }
    }
    for (std::size_t i = 0; i < sections.size(); ++i) {
        showError(sections[i].second, texts[i].join('\n'));
    }
}

} // namespace faaslab::gui
