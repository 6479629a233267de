#pragma once

#include <QWidget>

namespace faaslab::gui {

class ScenarioDocument;

// PLACEHOLDER until the form editor lands in the next commit.
class ScenarioEditor : public QWidget {
    Q_OBJECT

public:
    explicit ScenarioEditor(ScenarioDocument* document, QWidget* parent = nullptr)
        : QWidget(parent)
        , m_document(document) {}
    void focusPath(const QString&) {}
    void addArchitecture(const QString&) {}

private:
    ScenarioDocument* m_document;
};

} // namespace faaslab::gui
