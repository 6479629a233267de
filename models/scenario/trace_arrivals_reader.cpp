#include "models/scenario/trace_arrivals_reader.h"

#include "models/scenario/diagnostics.h"

#include <map>
#include <string>

namespace faaslab {

namespace {

using Json = JsonObjectReader::Json;

std::string resolveTracePath(const std::filesystem::path& base, const std::string& file) {
    std::filesystem::path path(file);
    if (path.is_relative()) {
        path = base / path;
    }
    return path.lexically_normal().string();
}

} // namespace

void readTraceArrivals(JsonObjectReader& r, const std::filesystem::path& base,
                       TraceReplaySpec& trace, TraceCompanions* companions) {
    const auto format = r.choice("format", {"timestamps", "azure"}, "timestamps");
    trace.format =
        format == "azure" ? TraceReplaySpec::Format::Azure : TraceReplaySpec::Format::Timestamps;
    const auto file = r.requiredString("file", 4096);
    trace.timeScale =
        r.number("time_scale", NumberRule::positive(1e6, "a million"), TraceReplaySpec{}.timeScale);
    trace.repeat = r.boolean("repeat", TraceReplaySpec{}.repeat);
    const std::map<std::string, std::string> owners = {
        {"function", "it belongs to format \"timestamps\""},
        {"select", "it belongs to format \"azure\""},
        {"spread", "it belongs to format \"azure\""},
        {"durations_file", "it belongs to format \"azure\""},
        {"memory_file", "it belongs to format \"azure\""},
    };
    if (trace.format == TraceReplaySpec::Format::Timestamps) {
        trace.function = r.string("function", "", 200);
        for (const char* key : {"select", "spread", "durations_file", "memory_file"}) {
            r.allow(key);
        }
    } else {
        r.allow("function");
        for (const char* key : {"durations_file", "memory_file"}) {
            if (r.has(key) && companions == nullptr) {
                r.error(key, "companion files set a workload's service time and memory, so "
                             "they are read in format 1 workloads only; in an application give "
                             "each function's service_time_s and memory_mb");
            }
        }
        trace.durationsFile = r.string("durations_file", "", 4096);
        trace.memoryFile = r.string("memory_file", "", 4096);
        if (!trace.durationsFile.empty()) {
            trace.durationsResolvedPath = resolveTracePath(base, trace.durationsFile);
        }
        if (!trace.memoryFile.empty()) {
            trace.memoryResolvedPath = resolveTracePath(base, trace.memoryFile);
        }
        const auto spread = r.choice("spread", {"uniform", "even"}, "uniform");
        trace.spread =
            spread == "even" ? TraceReplaySpec::Spread::Even : TraceReplaySpec::Spread::Uniform;
        JsonObjectReader select = r.object("select", false);
        if (select.valid()) {
            trace.trigger = select.string("trigger", "", 100);
            trace.topN = static_cast<int>(
                select.integer("top_n", NumberRule::count(1, 1000000, "a million functions"), 0));
            if (const Json* hashes = select.array("hashes", false)) {
                for (std::size_t i = 0; i < hashes->size(); ++i) {
                    const Json& hash = (*hashes)[i];
                    if (!hash.is_string() || hash.get<std::string>().empty()) {
                        select.diagnostics().error(indexPath(select.childPath("hashes"), i),
                                                   "must be a non-empty string (a HashFunction "
                                                   "of the trace), got " +
                                                       JsonObjectReader::describe(hash));
                        continue;
                    }
                    trace.hashes.push_back(hash.get<std::string>());
                }
            }
            select.finish();
        }
    }
    // Keys of the other format are reported as misplaced, not unknown.
    for (const auto& [key, note] : owners) {
        const bool belongs =
            (trace.format == TraceReplaySpec::Format::Timestamps) == (key == "function");
        if (!belongs && r.has(key)) {
            r.error(key, "is not used with format \"" + format + "\": " + note);
        }
    }
    if (!file) {
        return;
    }
    trace.file = *file;
    trace.resolvedPath = resolveTracePath(base, *file);
    if (r.diagnostics().hasErrors()) {
        // Do not read a file for a scenario that is already refused.
        return;
    }
    if (const auto problem = TraceProfiler::profile(trace, companions)) {
        // Point at the field naming the file the problem is in.
        const char* key = problem->file == TraceProblem::File::Durations ? "durations_file"
                          : problem->file == TraceProblem::File::Memory  ? "memory_file"
                                                                         : "file";
        r.error(key, problem->message);
    }
}

} // namespace faaslab
