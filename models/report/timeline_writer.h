#pragma once

#include "models/runner/timeline_runner.h"

#include <string>

namespace faaslab {

// A recorded timeline as a table (one row per record, with `#` lines naming
// the architecture and the window first) or as a JSON document; both are
// described in docs/results-format.md, "Timelines".
std::string timelineToCsv(const TimelineOutput& timeline);
std::string timelineToJsonText(const TimelineOutput& timeline);

} // namespace faaslab
