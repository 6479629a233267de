#include "app/gui/results/cost_tab.h"

#include "app/gui/results/chart_style.h"
#include "models/report/comparison_table.h"
#include "models/results/metric_keys.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

namespace faaslab::gui {

namespace {

QString money(double usd) {
    return QString::fromStdString(formatMoney(usd));
}

// Bottom of the stack first: the big fixed items (instances, vCPU, memory,
// compute) carry the bar and the small per-request fees sit on top.
const QStringList& stackOrder() {
    static const QStringList order = {"instances", "cpu",  "memory",     "compute",
                                      "requests",  "idle", "provisioned"};
    return order;
}

} // namespace

QColor CostTab::componentColor(const QString& component) {
    // Paul Tol's "bright" scheme: distinct from each other, also for
    // colour-blind readers, and readable on light and dark backgrounds.
    static const QHash<QString, QColor> known = {
        {"compute", QColor(0x44, 0x77, 0xAA)},     {"requests", QColor(0xEE, 0x66, 0x77)},
        {"provisioned", QColor(0x22, 0x88, 0x33)}, {"cpu", QColor(0xCC, 0xBB, 0x44)},
        {"memory", QColor(0x66, 0xCC, 0xEE)},      {"idle", QColor(0xBB, 0xBB, 0xBB)},
        {"instances", QColor(0xAA, 0x33, 0x77)},
    };
    if (const auto it = known.find(component); it != known.end()) {
        return *it;
    }
    // Components added later still get a stable colour of their own.
    static const QColor extra[] = {QColor(0x99, 0x44, 0x55), QColor(0x00, 0x99, 0x88),
                                   QColor(0xEE, 0x77, 0x33), QColor(0x33, 0x22, 0x88)};
    return extra[qHash(component) % std::size(extra)];
}

QString CostTab::componentLabel(const QString& component) {
    if (component == "compute") {
        return tr("Compute (duration)");
    }
    if (component == "requests") {
        return tr("Requests");
    }
    if (component == "provisioned") {
        return tr("Provisioned concurrency");
    }
    if (component == "cpu") {
        return tr("vCPU");
    }
    if (component == "memory") {
        return tr("Memory");
    }
    if (component == "idle") {
        return tr("Idle min-instances");
    }
    if (component == "instances") {
        return tr("VM instances");
    }
    return component;
}

CostTab::CostTab(QWidget* parent)
    : ChartTab(parent)
    , m_period(new QComboBox(this))
    , m_plot(new QCustomPlot(this)) {
    m_period->setObjectName("costPeriod");
    // Its second item names the window's length once results arrive.
    m_period->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_period->addItem(tr("Projected to 30 days"));
    m_period->addItem(tr("Simulated window"));
    m_period->setToolTip(tr("The 30-day projection scales the window's usage to 30 days and "
                            "prices it as one month."));
    m_plot->setObjectName("costChart");
    auto* controls = new QHBoxLayout;
    auto* label = new QLabel(tr("&Show:"), this);
    label->setBuddy(m_period);
    controls->addWidget(label);
    controls->addWidget(m_period);
    controls->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_plot, 1);

    applyStyle();
    m_title = addChartTitle(m_plot, QString());
    putLegendRight(m_plot);
    // Under the axis: which architecture each numbered bar is, when the
    // names do not fit under the bars.
    m_key = new QCPTextElement(m_plot, QString(), m_plot->font());
    m_key->setTextFlags(Qt::AlignLeft | Qt::AlignTop);
    m_key->setMargins(QMargins(12, 2, 12, 4));
    m_key->setVisible(false);
    m_key->setTextColor(m_plot->palette().color(QPalette::WindowText));
    m_plot->plotLayout()->addElement(m_plot->plotLayout()->rowCount(), 0, m_key);
    m_plot->plotLayout()->setRowStretchFactor(m_plot->plotLayout()->rowCount() - 1, 0.001);
    m_plot->setAutoAddPlottableToLegend(false);
    // Only cost zooms, to read the thin components; architectures stay put.
    m_plot->axisRect()->setRangeDrag(Qt::Vertical);
    m_plot->axisRect()->setRangeZoom(Qt::Vertical);
    m_plot->setMouseTracking(true);
    enableLegendToggles(m_plot);

    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        if (m_results) {
            build();
        }
    });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        const QString text = segmentTextAt(event->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
        } else {
            QToolTip::showText(event->globalPosition().toPoint(), text, m_plot);
        }
    });
    // The names under the bars wrap to the width of a bar's slot, which
    // changes with the window: long names side by side ran into each other.
    connect(m_plot, &QCustomPlot::beforeReplot, this, [this] { updateTickNames(); });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] {
        if (m_results) {
            build();
        }
    });
    clearResults();
}

void CostTab::applyStyle() {
    styleChart(m_plot);
    labelAxis(m_plot->xAxis, tr("Architecture"));
    if (m_title != nullptr) {
        m_title->setTextColor(m_plot->palette().color(QPalette::WindowText));
    }
    if (m_key != nullptr) {
        m_key->setTextColor(m_plot->palette().color(QPalette::WindowText));
    }
}

CostTab::Period CostTab::period() const {
    return m_period->currentIndex() == 1 ? Window : Monthly;
}

void CostTab::setPeriod(Period period) {
    m_period->setCurrentIndex(period == Window ? 1 : 0);
}

void CostTab::clearResults() {
    m_results.reset();
    m_components.clear();
    m_period->setItemText(1, tr("Simulated window"));
    m_period->setEnabled(false);
    m_plot->xAxis->setVisible(false);
    m_plot->yAxis->setVisible(false);
    m_title->setVisible(false);
    showPlaceholder(m_plot, runHint() + QLatin1Char(' ') +
                                tr("This tab then "
                                   "breaks each architecture's cost down by what is billed."));
}

void CostTab::showResults(const ScenarioResults& results) {
    m_results = results;
    m_period->setItemText(
        1, tr("Simulated window (%1)")
               .arg(QString::fromStdString(formatSpan(results.durationS - results.warmupS))));
    m_period->setEnabled(true);
    build();
}

void CostTab::build() {
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_components.clear();
    m_plot->xAxis->setVisible(true);
    m_plot->yAxis->setVisible(true);
    m_plot->legend->setVisible(true);
    m_title->setVisible(true);

    const bool monthly = period() == Monthly;
    const std::string_view prefix =
        monthly ? metric::CostMonthlyBreakdownPrefix : metric::CostBreakdownPrefix;
    const auto& archs = m_results->architectures;
    const int count = static_cast<int>(archs.size());

    // The union of every architecture's components; one that costs nothing
    // anywhere would only add an empty legend entry.
    QStringList found;
    for (const auto& a : archs) {
        for (const auto& entry : a.mean.entries()) {
            if (entry.key.starts_with(prefix) && entry.value != 0.0) {
                const QString name = QString::fromStdString(entry.key.substr(prefix.size()));
                if (!found.contains(name)) {
                    found << name;
                }
            }
        }
    }
    for (const QString& name : stackOrder()) {
        if (found.contains(name)) {
            m_components << name;
        }
    }
    for (const QString& name : found) {
        if (!m_components.contains(name)) {
            m_components << name;
        }
    }

    const QPalette palette = m_plot->palette();
    QList<QCPBars*> stack;
    for (const QString& component : m_components) {
        const std::string key = std::string(prefix) + component.toStdString();
        QVector<double> keys;
        QVector<double> values;
        for (int i = 0; i < count; ++i) {
            // Absent and zero alike draw nothing, not a sliver.
            const double value = archs[static_cast<std::size_t>(i)].mean.value(key);
            if (value != 0.0) {
                keys << i;
                values << value;
            }
        }
        auto* bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setName(componentLabel(component));
        bars->setWidth(0.55);
        bars->setBrush(componentColor(component));
        // A hairline of the background separates the stacked segments.
        bars->setPen(QPen(palette.color(QPalette::Base), 1.0));
        bars->setData(keys, values, true);
        if (!stack.isEmpty()) {
            bars->moveAbove(stack.back());
        }
        stack << bars;
    }
    // Legend top to bottom as the stack reads.
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
        (*it)->addToLegend();
    }

    double highest = 0.0;
    const std::string_view totalKey = monthly ? metric::CostMonthly : metric::CostTotal;
    for (int i = 0; i < count; ++i) {
        const ArchitectureResults& a = archs[static_cast<std::size_t>(i)];
        const double total = a.mean.value(totalKey);
        highest = std::max(highest, total);
        auto* label = new QCPItemText(m_plot);
        label->setObjectName(QStringLiteral("total-%1").arg(i));
        label->position->setCoords(i, total);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->setPadding(QMargins(2, 0, 2, 4));
        label->setText(money(total));
        label->setColor(palette.color(QPalette::WindowText));
        QFont font = m_plot->font();
        font.setBold(true);
        label->setFont(font);
        label->setSelectable(false);
    }
    auto names = QSharedPointer<QCPAxisTickerText>::create();
    m_names = names;
    updateTickNames();
    m_plot->xAxis->setTicker(names);
    m_plot->xAxis->setSubTicks(false);
    m_plot->xAxis->setTickLength(0, 4);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->xAxis->setRange(-0.6, count - 0.4);
    // Headroom for the totals above the tallest bar.
    m_plot->yAxis->setRange(0.0, highest > 0.0 ? highest * 1.15 : 1.0);
    if (monthly) {
        m_title->setText(tr("Cost per 30 days by billing component (projected from the window)"));
        labelAxis(m_plot->yAxis, tr("Cost per 30 days (USD)"));
    } else {
        const QString span =
            QString::fromStdString(formatSpan(m_results->durationS - m_results->warmupS));
        m_title->setText(tr("Cost of the simulated %1 by billing component").arg(span));
        labelAxis(m_plot->yAxis, tr("Cost of the window (USD)"));
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void CostTab::updateTickNames() {
    if (!m_results || m_names.isNull()) {
        return;
    }
    const auto& archs = m_results->architectures;
    const int count = std::max(1, static_cast<int>(archs.size()));
    // A slot is one unit of the axis range (-0.6 .. count - 0.4).
    // (Before the first layout the axis rect has no real width yet: then
    // the names stay whole until it has.)
    int slot = m_plot->axisRect()->width() / count - 8;
    if (slot < 30) {
        slot = 0;
    }
    const QFont font = m_plot->xAxis->tickLabelFont();
    // Names whose words do not fit their slot would only be shortened past
    // recognition: then the bars are numbered and a key under the chart
    // names each number.
    bool numbered = false;
    const QFontMetrics metrics(font);
    for (const ArchitectureResults& a : archs) {
        for (const QString& word : QString::fromStdString(a.name).split(QLatin1Char(' '))) {
            numbered = numbered || (slot > 0 && metrics.horizontalAdvance(word) > slot);
        }
    }
    m_names->clear();
    QStringList key;
    for (int i = 0; i < static_cast<int>(archs.size()); ++i) {
        const ArchitectureResults& a = archs[static_cast<std::size_t>(i)];
        const QString name = QString::fromStdString(a.name);
        const QString type = QString::fromStdString(a.type);
        m_names->addTick(i, numbered ? QString::number(i + 1)
                                     : wrapToWidth(name, font, slot) + QLatin1Char('\n') +
                                           wrapToWidth(type, font, slot));
        key << tr("%1: %2 (%3)").arg(i + 1).arg(name, type);
    }
    const QString keyText =
        numbered ? wrapToWidth(key.join(QLatin1Char('\n')), m_key->font(), m_plot->width() - 24)
                 : QString();
    if (m_key->text() != keyText) {
        m_key->setText(keyText);
        m_key->setVisible(numbered);
    }
}

QString CostTab::tickText(int architecture) const {
    return m_names.isNull() ? QString() : m_names->ticks().value(architecture);
}

QString CostTab::keyText() const {
    return m_key->visible() ? m_key->text() : QString();
}

QString CostTab::segmentTextAt(const QPoint& position) const {
    if (!m_results) {
        return {};
    }
    const bool monthly = period() == Monthly;
    for (int p = 0; p < m_plot->plottableCount(); ++p) {
        auto* bars = qobject_cast<QCPBars*>(m_plot->plottable(p));
        if (bars == nullptr || !bars->visible()) {
            continue;
        }
        QVariant details;
        if (bars->selectTest(position, false, &details) < 0.0) {
            continue;
        }
        const auto selection = details.value<QCPDataSelection>();
        if (selection.isEmpty()) {
            continue;
        }
        const auto point = bars->data()->at(selection.dataRange().begin());
        const auto index = static_cast<std::size_t>(std::lround(point->key));
        if (index >= m_results->architectures.size()) {
            continue;
        }
        const ArchitectureResults& a = m_results->architectures[index];
        const double total = a.mean.value(monthly ? metric::CostMonthly : metric::CostTotal);
        const QString share =
            total > 0.0
                ? tr(" (%1 % of %2)")
                      .arg(QLocale().toString(100.0 * point->value / total, 'f', 1), money(total))
                : QString();
        return tr("%1, %2: %3%4")
            .arg(QString::fromStdString(a.name), bars->name(), money(point->value), share);
    }
    return {};
}

void CostTab::redraw() {
    build();
}

} // namespace faaslab::gui
