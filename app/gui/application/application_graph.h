#pragma once

#include "models/application/application_spec.h"

#include <QFont>
#include <QList>
#include <QPainterPath>
#include <QRectF>
#include <QStringList>

namespace faaslab::gui {

// What a node or an arrow of the graph stands for, so that a click on the
// graph can select the matching row of the application's forms.
struct ApplicationPart {
    enum class Kind { None, Function, Trigger, Edge };
    Kind kind = Kind::None;
    int index = -1;
    bool operator==(const ApplicationPart&) const = default;
};

// The drawing of an application: its functions and triggers as nodes, the
// triggers' targets and the edges as arrows, arranged in topological layers
// (triggers first, then each function one layer after the latest function
// or trigger that invokes it). Built from the validated ApplicationSpec the
// scenario reader produced; the layout is a pure function of the spec, the
// font and the orientation, so the same application always looks the same.
class ApplicationGraph {
public:
    enum class Orientation { LeftToRight, TopToBottom };

    struct Node {
        ApplicationPart part;
        // Http, Timer, Storage or Queue for triggers.
        TriggerSpec::Type triggerType = TriggerSpec::Type::Http;
        QString title;
        // Under the title: memory and mean service time for functions, the
        // type for triggers.
        QStringList details;
        // The details as drawn: one line each left to right, all on one
        // line top to bottom (where height is what runs short).
        QStringList lines;
        int layer = 0;
        // Position within the layer, from the top (left to right layout) or
        // the left (top to bottom).
        int order = 0;
        // Functions: a rounded rectangle; triggers: a pill with the type's
        // icon at `iconRect` and the name beside it.
        QRectF rect;
        QRectF iconRect;
    };

    struct Arrow {
        enum class Kind { Trigger, Chain, FanOut, FanIn, Queue };
        Kind kind = Kind::Trigger;
        // The trigger or edge it draws.
        ApplicationPart part;
        int from = 0; // node index
        int to = 0;   // node index
        bool async = false;
        // Empty for trigger arrows other than queue triggers.
        QStringList label;
        // The label as drawn: one line each left to right, all on one line
        // top to bottom.
        QStringList labelLines;
        QPainterPath path;
        QPointF head;      // tip of the arrow head
        QPointF direction; // unit vector of the head
        QRectF labelRect;
    };

    ApplicationGraph() = default;
    explicit ApplicationGraph(const ApplicationSpec& application);

    // Places nodes, arrows and labels for `font`.
    void layOut(Orientation orientation, const QFont& font);
    // The fonts the layout measured with: node titles (bold) and the
    // smaller one of details, trigger names and arrow labels.
    QFont titleFont() const;
    QFont labelFont() const;

    const QList<Node>& nodes() const { return m_nodes; }
    const QList<Arrow>& arrows() const { return m_arrows; }
    Orientation orientation() const { return m_orientation; }
    // The bounding size of the laid-out graph, margins included.
    QSizeF size() const { return m_size; }
    int layerCount() const { return m_layers; }

    // Node of function / trigger `index`, or -1.
    int functionNode(int index) const;
    int triggerNode(int index) const;
    // The node or arrow at `point` (nodes first), or Kind::None.
    ApplicationPart partAt(const QPointF& point) const;

    static QString triggerTypeName(TriggerSpec::Type type);

private:
    void assignLayers(const ApplicationSpec& application);
    void addArrows(const ApplicationSpec& application);

    QList<Node> m_nodes;
    QList<Arrow> m_arrows;
    Orientation m_orientation = Orientation::LeftToRight;
    QSizeF m_size;
    QFont m_font;
    int m_layers = 0;
};

} // namespace faaslab::gui
