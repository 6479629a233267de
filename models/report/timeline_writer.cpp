#include "models/report/timeline_writer.h"

#include "models/format/number_format.h"

#include <nlohmann/json.hpp>

namespace faaslab {

namespace {

// What a record's `detail` means depends on its kind.
std::string detailName(const TimelineRecord& r) {
    switch (r.kind) {
    case TimelineRecordKind::InstanceEnded:
        return std::string(instanceEndReasonName(static_cast<InstanceEndReason>(r.detail)));
    case TimelineRecordKind::Request:
        return std::string(requestOutcomeName(static_cast<RequestOutcome>(r.detail)));
    case TimelineRecordKind::InstanceStarted:
        break;
    }
    return r.provisioned ? "provisioned" : "on_demand";
}

std::string idText(std::uint64_t id) {
    return id == TimelineRecord::NoInstance ? std::string() : std::to_string(id);
}

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) {
        return text;
    }
    std::string quoted = "\"";
    for (const char c : text) {
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return quoted + "\"";
}

} // namespace

std::string timelineToCsv(const TimelineOutput& t) {
    std::string out;
    out += "# architecture: " + t.architecture + " (" + t.type + ")\n";
    out += "# replication: " + std::to_string(t.replication + 1) + "\n";
    out += "# window: " + formatNumber(t.window.fromS) + " s to " + formatNumber(t.window.toS) +
           " s, at most " + std::to_string(t.window.limit) + " records\n";
    if (t.truncated) {
        out += "# truncated at: " + formatNumber(t.truncatedAtS) + " s\n";
    }
    out += "record,time_s,start_s,end_s,instance,request,detail,cold_start\n";
    for (const TimelineRecord& r : t.records) {
        const bool isRequest = r.kind == TimelineRecordKind::Request;
        out +=
            std::string(timelineKindName(r.kind)) + ',' + formatNumber(r.time) + ',' +
            (r.kind == TimelineRecordKind::InstanceEnded ? std::string() : formatNumber(r.start)) +
            ',' + (isRequest ? formatNumber(r.end) : std::string()) + ',' + idText(r.instance) +
            ',' + (isRequest ? std::to_string(r.request) : std::string()) + ',' +
            csvField(detailName(r)) + ',' + (isRequest ? (r.coldStart ? "1" : "0") : "") + '\n';
    }
    return out;
}

std::string timelineToJsonText(const TimelineOutput& t) {
    using Json = nlohmann::ordered_json;
    Json doc;
    doc["format"] = "faaslab.timeline/1";
    doc["architecture"] = t.architecture;
    doc["type"] = t.type;
    doc["replication"] = t.replication + 1;
    doc["window"] =
        Json{{"from_s", t.window.fromS}, {"to_s", t.window.toS}, {"limit", t.window.limit}};
    doc["truncated"] = t.truncated;
    if (t.truncated) {
        doc["truncated_at_s"] = t.truncatedAtS;
    }
    Json records = Json::array();
    for (const TimelineRecord& r : t.records) {
        Json j;
        j["record"] = std::string(timelineKindName(r.kind));
        j["time_s"] = r.time;
        switch (r.kind) {
        case TimelineRecordKind::InstanceStarted:
            j["ready_s"] = r.start;
            j["instance"] = r.instance;
            j["provisioned"] = r.provisioned;
            break;
        case TimelineRecordKind::InstanceEnded:
            j["instance"] = r.instance;
            j["reason"] = detailName(r);
            break;
        case TimelineRecordKind::Request:
            j["request"] = r.request;
            j["start_s"] = r.start;
            j["end_s"] = r.end;
            if (r.instance != TimelineRecord::NoInstance) {
                j["instance"] = r.instance;
            }
            j["outcome"] = detailName(r);
            j["cold_start"] = r.coldStart;
            break;
        }
        records.push_back(std::move(j));
    }
    doc["records"] = std::move(records);
    return doc.dump(1) + "\n";
}

} // namespace faaslab
