#pragma once

#include "app/workspace/run_store.h"
#include "app/workspace/sweep_store.h"

#include <QObject>

class QAction;
class QMenu;

namespace faaslab::gui {

class LibraryDock;
class MainWindow;
class WorkspaceSession;

// What the workspace adds to the main window: the Library dock, File >
// Open Workspace, the pricing catalog dialog, the "record runs" preference
// and showing a stored run's or sweep's results. Kept apart from MainWindow so the
// window only creates it and lends it its File menu.
class WorkspaceUi : public QObject {
    Q_OBJECT

public:
    explicit WorkspaceUi(MainWindow* window);

    WorkspaceSession* session() const { return m_session; }
    LibraryDock* library() const { return m_library; }
    QAction* recordRunsAction() const { return m_recordRuns; }

    void addFileActions(QMenu* file);
    void addViewActions(QMenu* view);

    // Opens `path`, or the last workspace (or the default one) when empty;
    // a failure is shown in the Library and the status bar, not in a modal
    // box, so the program always starts.
    bool openAtStart(const QString& path);
    bool openWorkspace(const QString& path, QString* error);
    void openWorkspaceDialog();
    // Opens the pricing catalog dialog (not modal); returns it.
    QWidget* showPricingCatalog();
    // Shows a stored run in the results panel without simulating.
    void showStoredRun(const workspace::StoredRun& run);
    // Shows a stored sweep in the Sweep tab without simulating.
    void showStoredSweep(const workspace::StoredSweep& sweep, const QString& document);

private:
    MainWindow* m_window;
    WorkspaceSession* m_session;
    LibraryDock* m_library;
    QAction* m_openWorkspace;
    QAction* m_pricingCatalog;
    QAction* m_recordRuns;
};

} // namespace faaslab::gui
