#pragma once

#include "app/gui/application/application_graph.h"

#include <QWidget>
#include <optional>

namespace faaslab::gui {

// Draws an ApplicationGraph with a legend, scaled to fit. The layout runs
// left to right where that fits the widget at least as well as top to
// bottom does (a narrow dock gets the top-to-bottom one). A click selects
// the function, trigger or edge under the mouse and reports it.
class ApplicationGraphView : public QWidget {
    Q_OBJECT

public:
    explicit ApplicationGraphView(QWidget* parent = nullptr);

    // The application to draw; `current` is false while the document has
    // problems and this is its last valid version (drawn faded, with a note).
    void setApplication(const ApplicationSpec& application, bool current);
    void clear();
    const ApplicationGraph& graph() const { return m_graph; }
    bool isCurrent() const { return m_current; }

    ApplicationPart selectedPart() const { return m_selected; }
    void setSelectedPart(const ApplicationPart& part);

    // Widget coordinates of a point of the graph (tests click nodes).
    QPointF toWidget(const QPointF& graphPoint) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void partClicked(const ApplicationPart& part);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;

private:
    void relayout();
    QRectF graphArea() const;
    double legendHeight(double width) const;
    void paintLegend(QPainter& painter, const QRectF& area) const;
    QPointF toGraph(const QPointF& widgetPoint) const;

    std::optional<ApplicationSpec> m_application;
    ApplicationGraph m_graph;
    ApplicationPart m_selected;
    bool m_current = true;
    double m_scale = 1.0;
    QPointF m_offset;
};

} // namespace faaslab::gui
