#pragma once

class QAbstractItemModel;
class QTableView;
class QWidget;

namespace faaslab::gui {

// A table of records (runs, scenarios, presets): whole-row selection,
// alternating rows, compact row height, no row numbers, and column widths
// measured on the first rows only, so ten thousand rows list quickly.
QTableView* makeRecordTable(QAbstractItemModel* model, QWidget* parent);

} // namespace faaslab::gui
