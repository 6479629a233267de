#pragma once

#include "app/gui/document/scenario_document.h"

#include <QWidget>

class QCheckBox;
class QScrollArea;
class QStackedWidget;
class QTabWidget;
class QToolButton;

namespace faaslab::gui {

class ApplicationEditor;
class ArchitectureEditor;
class ArrivalsEditor;
class DistributionEditor;
class JsonField;

// The form for the whole scenario, in tabs: Simulation (name and run
// settings), Workload (arrivals with a rate preview, service time, I/O wait,
// memory) or, for a format-2 scenario, Application (its graph and the forms
// of its functions, triggers and edges), and one tab per architecture,
// which can be added, duplicated, removed and reordered.
//
// It holds no state of its own: every widget reads the document and writes
// edits back to it, and after each change the form refreshes from the
// document and the reader's messages, so undo, redo and loading a file need
// no special handling.
class ScenarioEditor : public QWidget {
    Q_OBJECT

public:
    explicit ScenarioEditor(ScenarioDocument* document, QWidget* parent = nullptr);

    // Shows the field for a dotted path from a diagnostic ("architectures[1].
    // keep_alive_s"), or the nearest enclosing part of the form.
    void focusPath(const QString& path);
    // Appends an architecture of `type` ("serverless", "container", "vm")
    // from its template and shows it.
    void addArchitecture(const QString& type);
    void duplicateArchitecture(int index);
    void removeArchitecture(int index);
    void moveArchitecture(int from, int to);

    QTabWidget* tabs() const { return m_tabs; }
    // The architecture shown, or -1 on the Simulation and Workload tabs.
    int currentArchitecture() const;
    ArchitectureEditor* architectureEditor(int index) const;
    ApplicationEditor* applicationEditor() const { return m_application; }
    // True when the document is a format-2 scenario, whose second tab is
    // the Application tab instead of the Workload tab.
    bool showsApplication() const;
    // The field bound to a dotted path, or nullptr.
    JsonField* field(const QString& path) const;

private:
    void refresh();
    void rebuildArchitectures();
    void updateActions();
    int architectureCount() const;
    QString uniqueName(const QString& base) const;
    QWidget* scrollPage(QWidget* content);

    ScenarioDocument* m_document;
    QTabWidget* m_tabs;
    QWidget* m_simulationPage;
    QWidget* m_workloadPage;
    ApplicationEditor* m_application;
    QStackedWidget* m_secondPage;
    ArrivalsEditor* m_arrivals;
    DistributionEditor* m_serviceTime;
    DistributionEditor* m_ioWait;
    QWidget* m_ioWaitHolder;
    QCheckBox* m_ioWaitBox;
    QList<JsonField*> m_fields;
    QList<ArchitectureEditor*> m_architectures;
    QToolButton* m_addButton;
    QToolButton* m_duplicateButton;
    QToolButton* m_removeButton;
    QToolButton* m_leftButton;
    QToolButton* m_rightButton;
};

} // namespace faaslab::gui
