#pragma once

#include "app/gui/application/application_graph.h"
#include "app/gui/application/application_part_model.h"
#include "app/gui/document/scenario_document.h"

#include <QWidget>
#include <optional>

class QGroupBox;
class QSplitter;
class QTabWidget;
class QTableView;
class QToolButton;
class QVBoxLayout;

namespace faaslab::gui {

class ApplicationGraphView;
class DistributionEditor;
class JsonItemEditor;

// The Application tab of a format-2 scenario: the application's graph
// above the forms for its parts. Functions are edited in their table (name,
// memory, timeout) and with a service-time editor for the selected one;
// triggers and edges are listed, and the selected one is edited as JSON.
// Selecting a node or an arrow selects its row and vice versa.
//
// Like the rest of the editor it keeps no scenario state: every edit goes to
// the document, which revalidates it with the ScenarioReader, and the graph
// draws the reader's ApplicationSpec (the last valid one while there are
// problems).
class ApplicationEditor : public QWidget {
    Q_OBJECT

public:
    using Part = ApplicationPartModel::Part;

    explicit ApplicationEditor(ScenarioDocument* document, QWidget* parent = nullptr);

    void refresh();

    ApplicationGraphView* graphView() const { return m_graph; }
    QSplitter* splitter() const { return m_splitter; }
    QTabWidget* partTabs() const { return m_partTabs; }
    QTableView* partView(Part part) const;
    ApplicationPartModel* partModel(Part part) const;
    // The JSON editor of the selected trigger or edge.
    JsonItemEditor* itemEditor(Part part) const;
    // The service time of the selected function, or nullptr.
    DistributionEditor* serviceTimeEditor() const { return m_serviceTime; }

    // Selects a function, trigger or edge in its table and in the graph.
    void selectPart(const ApplicationPart& part);
    ApplicationPart selectedPart() const;
    // Selects the item a diagnostic path is about ("application.edges[2].to");
    // false when the path names no function, trigger or edge.
    bool focusPath(const std::string& path);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    struct PartPage {
        ApplicationPartModel* model = nullptr;
        QTableView* view = nullptr;
        JsonItemEditor* json = nullptr;
        QToolButton* remove = nullptr;
    };

    QWidget* buildPage(Part part);
    void rowChanged(Part part, int row);
    void addPart(Part part);
    void removeSelected(Part part);
    void showServiceTime(int row);
    void updateServiceTime();
    PartPage& page(Part part);
    const PartPage& page(Part part) const;
    QString uniqueName(Part part, const QString& base) const;

    ScenarioDocument* m_document;
    QSplitter* m_splitter;
    ApplicationGraphView* m_graph;
    QTabWidget* m_partTabs;
    PartPage m_pages[3];
    QGroupBox* m_serviceBox = nullptr;
    QVBoxLayout* m_serviceLayout = nullptr;
    DistributionEditor* m_serviceTime = nullptr;
    int m_serviceRow = -1;
    std::optional<ApplicationSpec> m_lastValid;
};

} // namespace faaslab::gui
