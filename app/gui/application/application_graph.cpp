#include "app/gui/application/application_graph.h"

#include "models/report/comparison_table.h"

#include <QFontMetricsF>
#include <QPainterPathStroker>
#include <algorithm>
#include <cmath>
#include <map>

namespace faaslab::gui {

namespace {

// Spacing, in pixels at the font's size.
constexpr double Margin = 10.0;
constexpr double NodePadding = 7.0;
constexpr double CrossGap = 14.0;   // between nodes of one layer
constexpr double MinMainGap = 34.0; // between layers
constexpr double LabelPadding = 4.0;
constexpr double HeadLength = 8.0;
constexpr double IconSize = 16.0;
constexpr double MaxTitleWidth = 150.0;
constexpr double MaxTriggerNameWidth = 130.0;

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

QString number(double v) {
    return QString::number(v, 'g', 6);
}

} // namespace

QString ApplicationGraph::triggerTypeName(TriggerSpec::Type type) {
    const std::string_view name = TriggerSpec::typeName(type);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

ApplicationGraph::ApplicationGraph(const ApplicationSpec& application) {
    // Triggers first, so node i is trigger i; then the functions.
    for (int t = 0; t < static_cast<int>(application.triggers.size()); ++t) {
        const TriggerSpec& trigger = application.triggers[static_cast<std::size_t>(t)];
        Node node;
        node.part = {ApplicationPart::Kind::Trigger, t};
        node.triggerType = trigger.type;
        node.title = text(trigger.name);
        node.details = {triggerTypeName(trigger.type)};
        m_nodes.append(node);
    }
    for (int f = 0; f < static_cast<int>(application.functions.size()); ++f) {
        const FunctionSpec& function = application.functions[static_cast<std::size_t>(f)];
        Node node;
        node.part = {ApplicationPart::Kind::Function, f};
        node.title = text(function.name);
        node.details = {
            QStringLiteral("%1 MB").arg(number(function.memoryMb)),
            QStringLiteral("mean %1").arg(text(formatSeconds(function.serviceTimeS.meanValue())))};
        if (function.timeoutS) {
            // As configured, in the seconds the field is written in.
            node.details << QStringLiteral("timeout %1 s").arg(number(*function.timeoutS));
        }
        m_nodes.append(node);
    }
    addArrows(application);
    assignLayers(application);
}

int ApplicationGraph::functionNode(int index) const {
    for (int i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].part == ApplicationPart{ApplicationPart::Kind::Function, index}) {
            return i;
        }
    }
    return -1;
}

int ApplicationGraph::triggerNode(int index) const {
    for (int i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].part == ApplicationPart{ApplicationPart::Kind::Trigger, index}) {
            return i;
        }
    }
    return -1;
}

void ApplicationGraph::addArrows(const ApplicationSpec& application) {
    const int triggers = static_cast<int>(application.triggers.size());
    auto queueName = [&](int queue) {
        return text(application.queues[static_cast<std::size_t>(queue)].name);
    };
    auto consumer = [&](int queue) {
        return application.queues[static_cast<std::size_t>(queue)].consumer;
    };
    for (int t = 0; t < triggers; ++t) {
        const TriggerSpec& trigger = application.triggers[static_cast<std::size_t>(t)];
        Arrow arrow;
        arrow.kind = Arrow::Kind::Trigger;
        arrow.part = {ApplicationPart::Kind::Trigger, t};
        arrow.from = t;
        if (trigger.type == TriggerSpec::Type::Queue) {
            // The external producer sends to the queue; its consumer runs.
            arrow.to = triggers + consumer(trigger.queue);
            arrow.label = {QStringLiteral("queue"), queueName(trigger.queue)};
        } else {
            arrow.to = triggers + trigger.function;
        }
        m_arrows.append(arrow);
    }
    for (int e = 0; e < static_cast<int>(application.edges.size()); ++e) {
        const EdgeSpec& edge = application.edges[static_cast<std::size_t>(e)];
        Arrow arrow;
        arrow.part = {ApplicationPart::Kind::Edge, e};
        arrow.from = triggers + edge.from;
        arrow.async = edge.async;
        const QString invocation = edge.async ? QStringLiteral("async") : QStringLiteral("sync");
        switch (edge.type) {
        case EdgeSpec::Type::Chain:
            arrow.kind = Arrow::Kind::Chain;
            arrow.to = triggers + edge.to;
            arrow.label = {QStringLiteral("chain"), invocation};
            break;
        case EdgeSpec::Type::FanOut: {
            arrow.kind = Arrow::Kind::FanOut;
            arrow.to = triggers + edge.to;
            // A random number of copies shows its mean.
            const bool fixed = edge.copies.kind == DistributionSpec::Kind::Deterministic;
            arrow.label = {QStringLiteral("fan-out ×%1%2")
                               .arg(fixed ? QString() : QStringLiteral("~"))
                               .arg(number(fixed ? edge.copies.value : edge.copies.meanValue())),
                           invocation};
            break;
        }
        case EdgeSpec::Type::Queue:
            arrow.kind = Arrow::Kind::Queue;
            arrow.to = triggers + consumer(edge.queue);
            arrow.label = {QStringLiteral("queue"), queueName(edge.queue)};
            break;
        }
        m_arrows.append(arrow);
        if (edge.type == EdgeSpec::Type::FanOut && edge.fanIn) {
            // The join runs after the copies of `to`, so it is drawn from them.
            Arrow join;
            join.kind = Arrow::Kind::FanIn;
            join.part = arrow.part;
            join.from = arrow.to;
            join.to = triggers + *edge.fanIn;
            join.label = {QStringLiteral("fan-in")};
            m_arrows.append(join);
        }
    }
}

void ApplicationGraph::assignLayers(const ApplicationSpec& application) {
    // Functions: one layer after the latest function that invokes them
    // (longest path; the reader guarantees the graph is acyclic, and the
    // pass count bounds the loop regardless). Functions nothing but
    // triggers invoke are in layer 1.
    const int triggers = static_cast<int>(application.triggers.size());
    for (int i = triggers; i < m_nodes.size(); ++i) {
        m_nodes[i].layer = 1;
    }
    for (int pass = 0; pass < m_nodes.size(); ++pass) {
        bool moved = false;
        for (const Arrow& a : m_arrows) {
            if (a.kind == Arrow::Kind::Trigger) {
                continue;
            }
            if (m_nodes[a.to].layer < m_nodes[a.from].layer + 1) {
                m_nodes[a.to].layer = m_nodes[a.from].layer + 1;
                moved = true;
            }
        }
        if (!moved) {
            break;
        }
    }
    // A trigger sits just before its function, so its arrow is short.
    for (const Arrow& a : m_arrows) {
        if (a.kind == Arrow::Kind::Trigger) {
            m_nodes[a.from].layer = m_nodes[a.to].layer - 1;
        }
    }
    m_layers = 0;
    for (const Node& n : m_nodes) {
        m_layers = std::max(m_layers, n.layer + 1);
    }
}

QFont ApplicationGraph::titleFont() const {
    QFont font = m_font;
    font.setBold(true);
    return font;
}

QFont ApplicationGraph::labelFont() const {
    QFont font = m_font;
    if (font.pointSizeF() > 0) {
        font.setPointSizeF(font.pointSizeF() * 0.9);
    } else {
        font.setPixelSize(std::max(8, font.pixelSize() * 9 / 10));
    }
    return font;
}

void ApplicationGraph::layOut(Orientation orientation, const QFont& font) {
    m_orientation = orientation;
    m_font = font;
    const bool across = orientation == Orientation::LeftToRight;
    const QFontMetricsF titleMetrics(titleFont());
    const QFontMetricsF labelMetrics(labelFont());
    const double lineHeight = labelMetrics.height();

    // Node sizes. Long names are elided; the view shows them in tooltips.
    const QString joiner = QStringLiteral(" · ");
    for (Node& n : m_nodes) {
        n.lines = across ? n.details : QStringList{n.details.join(joiner)};
        if (n.part.kind == ApplicationPart::Kind::Function) {
            double width = std::min(MaxTitleWidth, titleMetrics.horizontalAdvance(n.title));
            for (const QString& d : n.lines) {
                width = std::max(width, labelMetrics.horizontalAdvance(d));
            }
            const double height = titleMetrics.height() + lineHeight * n.lines.size();
            n.rect =
                QRectF(0, 0, std::max(84.0, width + 2 * NodePadding), height + 2 * NodePadding - 2);
        } else {
            const double name =
                std::min(MaxTriggerNameWidth, labelMetrics.horizontalAdvance(n.title));
            const double height = std::max(IconSize, lineHeight) + 10;
            n.rect = QRectF(0, 0, height / 2 + IconSize + 6 + name + height / 2, height);
        }
    }
    auto mainSize = [across](const QRectF& r) {
        return across ? r.width() : r.height();
    };
    auto crossSize = [across](const QRectF& r) {
        return across ? r.height() : r.width();
    };

    // Arrow labels: each sits in the gap before its target's layer, so that
    // gap is as deep as its deepest label plus some visible arrow (less top
    // to bottom, where height is what runs short).
    for (Arrow& a : m_arrows) {
        a.labelLines = across || a.label.isEmpty() ? a.label : QStringList{a.label.join(joiner)};
        double width = 0;
        for (const QString& line : a.labelLines) {
            width = std::max(width, labelMetrics.horizontalAdvance(line));
        }
        a.labelRect = a.label.isEmpty() ? QRectF()
                                        : QRectF(0, 0, width + 2 * LabelPadding,
                                                 lineHeight * a.labelLines.size() + LabelPadding);
    }
    std::vector<double> gapBefore(static_cast<std::size_t>(m_layers), MinMainGap);
    std::vector<double> layerDepth(static_cast<std::size_t>(m_layers), 0.0);
    for (const Arrow& a : m_arrows) {
        const auto layer = static_cast<std::size_t>(m_nodes[a.to].layer);
        if (!a.labelRect.isNull()) {
            gapBefore[layer] =
                std::max(gapBefore[layer], mainSize(a.labelRect) + (across ? 26 : 14));
        }
    }
    for (const Node& n : m_nodes) {
        auto& depth = layerDepth[static_cast<std::size_t>(n.layer)];
        depth = std::max(depth, mainSize(n.rect));
    }
    std::vector<double> layerStart(static_cast<std::size_t>(m_layers), Margin);
    for (std::size_t l = 1; l < layerStart.size(); ++l) {
        layerStart[l] = layerStart[l - 1] + layerDepth[l - 1] + gapBefore[l];
    }

    // Cross positions, layer by layer: a node lines up with the mean of the
    // functions that invoke it (so a chain is a straight line), in that
    // order, pushed apart where they would overlap. Triggers line up with
    // their function, placed once the functions are.
    std::vector<double> centre(static_cast<std::size_t>(m_nodes.size()), 0.0);
    std::vector<bool> placed(static_cast<std::size_t>(m_nodes.size()), false);
    auto placeLayer = [&](const QList<int>& members, const std::vector<double>& wish) {
        QList<int> sorted = members;
        std::stable_sort(sorted.begin(), sorted.end(), [&](int a, int b) {
            return wish[static_cast<std::size_t>(a)] < wish[static_cast<std::size_t>(b)];
        });
        auto apart = [&](int a, int b) {
            return crossSize(m_nodes[a].rect) / 2 + CrossGap + crossSize(m_nodes[b].rect) / 2;
        };
        // Overlapping wishes pushed apart forwards and, separately,
        // backwards; the mean of the two keeps the order and the spacing
        // (both do) and spreads a crowded layer evenly around its wishes
        // instead of all to one side.
        const auto count = static_cast<std::size_t>(sorted.size());
        std::vector<double> forward(count);
        std::vector<double> backward(count);
        for (std::size_t k = 0; k < count; ++k) {
            const double w = wish[static_cast<std::size_t>(sorted[static_cast<qsizetype>(k)])];
            forward[k] =
                k == 0 ? w
                       : std::max(w, forward[k - 1] + apart(sorted[static_cast<qsizetype>(k - 1)],
                                                            sorted[static_cast<qsizetype>(k)]));
        }
        for (std::size_t k = count; k-- > 0;) {
            const double w = wish[static_cast<std::size_t>(sorted[static_cast<qsizetype>(k)])];
            backward[k] =
                k + 1 == count
                    ? w
                    : std::min(w, backward[k + 1] - apart(sorted[static_cast<qsizetype>(k)],
                                                          sorted[static_cast<qsizetype>(k + 1)]));
        }
        for (std::size_t k = 0; k < count; ++k) {
            const int n = sorted[static_cast<qsizetype>(k)];
            centre[static_cast<std::size_t>(n)] = (forward[k] + backward[k]) / 2;
            placed[static_cast<std::size_t>(n)] = true;
            m_nodes[n].order = static_cast<int>(k);
        }
    };
    std::vector<double> wish(static_cast<std::size_t>(m_nodes.size()), 0.0);
    for (int layer = 0; layer < m_layers; ++layer) {
        QList<int> members;
        double next = 0; // where a node with nothing to line up with goes
        for (int i = 0; i < m_nodes.size(); ++i) {
            const Node& n = m_nodes[i];
            if (n.layer != layer || n.part.kind != ApplicationPart::Kind::Function) {
                continue;
            }
            double sum = 0;
            int count = 0;
            for (const Arrow& a : m_arrows) {
                if (a.to == i && a.kind != Arrow::Kind::Trigger &&
                    placed[static_cast<std::size_t>(a.from)]) {
                    sum += centre[static_cast<std::size_t>(a.from)];
                    ++count;
                }
            }
            if (count > 0) {
                wish[static_cast<std::size_t>(i)] = sum / count;
            } else {
                wish[static_cast<std::size_t>(i)] = next + crossSize(n.rect) / 2;
                next += crossSize(n.rect) + CrossGap;
            }
            members.append(i);
        }
        placeLayer(members, wish);
    }
    for (int layer = 0; layer < m_layers; ++layer) {
        QList<int> members;
        bool hasTrigger = false;
        for (int i = 0; i < m_nodes.size(); ++i) {
            if (m_nodes[i].layer != layer) {
                continue;
            }
            members.append(i);
            if (m_nodes[i].part.kind == ApplicationPart::Kind::Trigger) {
                hasTrigger = true;
                for (const Arrow& a : m_arrows) {
                    if (a.kind == Arrow::Kind::Trigger && a.from == i) {
                        wish[static_cast<std::size_t>(i)] = centre[static_cast<std::size_t>(a.to)];
                    }
                }
            } else {
                wish[static_cast<std::size_t>(i)] = centre[static_cast<std::size_t>(i)];
            }
        }
        if (hasTrigger) {
            placeLayer(members, wish);
        }
    }
    double lowestEdge = 1e18;
    double highestEdge = -1e18;
    for (int i = 0; i < m_nodes.size(); ++i) {
        lowestEdge = std::min(lowestEdge,
                              centre[static_cast<std::size_t>(i)] - crossSize(m_nodes[i].rect) / 2);
        highestEdge = std::max(highestEdge, centre[static_cast<std::size_t>(i)] +
                                                crossSize(m_nodes[i].rect) / 2);
    }
    if (m_nodes.isEmpty()) {
        lowestEdge = highestEdge = 0;
    }
    for (int i = 0; i < m_nodes.size(); ++i) {
        Node& n = m_nodes[i];
        const double c = centre[static_cast<std::size_t>(i)] - lowestEdge + Margin;
        const auto layer = static_cast<std::size_t>(n.layer);
        // Centred in its layer's band.
        const double m = layerStart[layer] + (layerDepth[layer] - mainSize(n.rect)) / 2;
        const QSizeF size = n.rect.size();
        n.rect = across ? QRectF(QPointF(m, c - size.height() / 2), size)
                        : QRectF(QPointF(c - size.width() / 2, m), size);
        if (n.part.kind == ApplicationPart::Kind::Trigger) {
            const double inset = n.rect.height() / 2 - 2;
            n.iconRect = QRectF(n.rect.left() + inset, n.rect.center().y() - IconSize / 2, IconSize,
                                IconSize);
        }
    }

    // Arrows: from the exit side of the source to the entry side of the
    // target, ports spread along the side in the order of the other ends,
    // drawn as a curve leaving and entering along the main axis.
    auto crossOf = [across](const QPointF& p) {
        return across ? p.y() : p.x();
    };
    std::map<int, QList<int>> outgoing;
    std::map<int, QList<int>> incoming;
    for (int i = 0; i < m_arrows.size(); ++i) {
        outgoing[m_arrows[i].from].append(i);
        incoming[m_arrows[i].to].append(i);
    }
    std::vector<QPointF> start(static_cast<std::size_t>(m_arrows.size()));
    std::vector<QPointF> end(static_cast<std::size_t>(m_arrows.size()));
    auto spread = [&](std::map<int, QList<int>>& lists, bool exit) {
        for (auto& [node, list] : lists) {
            std::stable_sort(list.begin(), list.end(), [&](int a, int b) {
                const int otherA = exit ? m_arrows[a].to : m_arrows[a].from;
                const int otherB = exit ? m_arrows[b].to : m_arrows[b].from;
                return crossOf(m_nodes[otherA].rect.center()) <
                       crossOf(m_nodes[otherB].rect.center());
            });
            const QRectF r = m_nodes[node].rect;
            for (int k = 0; k < list.size(); ++k) {
                const double f = (k + 1.0) / (list.size() + 1.0);
                const QPointF p =
                    across ? QPointF(exit ? r.right() : r.left(), r.top() + f * r.height())
                           : QPointF(r.left() + f * r.width(), exit ? r.bottom() : r.top());
                (exit ? start : end)[static_cast<std::size_t>(list[k])] = p;
            }
        }
    };
    spread(outgoing, true);
    spread(incoming, false);
    const QPointF axis = across ? QPointF(1, 0) : QPointF(0, 1);
    QList<int> labelled;
    for (int i = 0; i < m_arrows.size(); ++i) {
        Arrow& a = m_arrows[i];
        const QPointF s = start[static_cast<std::size_t>(i)];
        const QPointF tip = end[static_cast<std::size_t>(i)];
        const QPointF e = tip - axis * HeadLength;
        const double reach = std::max(12.0, (across ? e.x() - s.x() : e.y() - s.y()) / 2);
        QPainterPath path(s);
        path.cubicTo(s + axis * reach, e - axis * reach, e);
        a.path = path;
        a.head = tip;
        a.direction = axis;
        if (a.labelRect.isNull()) {
            continue;
        }
        // The label straddles the curve in the middle of the target's gap.
        const auto layer = static_cast<std::size_t>(m_nodes[a.to].layer);
        const double at = layerStart[layer] - gapBefore[layer] / 2;
        double lo = 0;
        double hi = 1;
        for (int step = 0; step < 30; ++step) {
            const double mid = (lo + hi) / 2;
            const QPointF p = path.pointAtPercent(mid);
            ((across ? p.x() : p.y()) < at ? lo : hi) = mid;
        }
        const QPointF p = path.pointAtPercent((lo + hi) / 2);
        a.labelRect.moveCenter(across ? QPointF(at, p.y()) : QPointF(p.x(), at));
        labelled.append(i);
    }
    // Labels in one gap must not cover each other: push them apart across.
    std::stable_sort(labelled.begin(), labelled.end(), [&](int a, int b) {
        return crossOf(m_arrows[a].labelRect.center()) < crossOf(m_arrows[b].labelRect.center());
    });
    for (int k = 1; k < labelled.size(); ++k) {
        QRectF& r = m_arrows[labelled[k]].labelRect;
        for (int j = 0; j < k; ++j) {
            const QRectF& other = m_arrows[labelled[j]].labelRect;
            if (r.intersects(other)) {
                if (across) {
                    r.moveTop(other.bottom() + 2);
                } else {
                    r.moveLeft(other.right() + 2);
                }
            }
        }
    }

    QRectF bounds(0, 0, 0, 0);
    for (const Node& n : m_nodes) {
        bounds |= n.rect;
    }
    for (const Arrow& a : m_arrows) {
        if (!a.labelRect.isNull()) {
            bounds |= a.labelRect;
        }
    }
    m_size = QSizeF(bounds.right() + Margin, bounds.bottom() + Margin);
}

ApplicationPart ApplicationGraph::partAt(const QPointF& point) const {
    for (const Node& n : m_nodes) {
        if (n.rect.contains(point)) {
            return n.part;
        }
    }
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    for (const Arrow& a : m_arrows) {
        if (a.labelRect.contains(point) || stroker.createStroke(a.path).contains(point)) {
            return a.part;
        }
    }
    return {};
}

} // namespace faaslab::gui
