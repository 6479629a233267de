#include "models/results/time_series.h"

namespace faaslab {

int TimeSeries::columnIndex(const std::string& column) const {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i] == column) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

} // namespace faaslab
