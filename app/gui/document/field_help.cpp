#include "app/gui/document/field_help.h"

#include <QCoreApplication>
#include <QHash>

namespace faaslab::gui {

namespace {

struct Entry {
    const char* label;
    const char* help;
};

const QHash<QString, Entry>& entries() {
    static const QHash<QString, Entry> table = {
        {"name", {"Name", "A name for the scenario or architecture, shown in tables and charts."}},
        {"description", {"Description", "Free text: what this scenario is about."}},
        {"duration_s",
         {"Duration (s)",
          "How much time to simulate. Costs are also projected to a 30-day month, so a day is "
          "often enough for steady traffic."}},
        {"warmup_s",
         {"Warm-up (s)",
          "Time simulated before measuring starts, so results are not skewed by the empty "
          "system at time zero."}},
        {"seed",
         {"Seed",
          "Random numbers come from this seed: the same seed gives exactly the same results."}},
        {"replications",
         {"Replications",
          "Independent runs with different random numbers. With two or more, every result "
          "gets a 95 % confidence interval."}},
        {"timeseries_bin_s",
         {"Time-series bin (s)", "Width of the time steps in the time-series charts."}},
        {"process",
         {"Arrival process",
          "How requests arrive: steadily at random (Poisson), evenly spaced, in bursts (on/off), "
          "following a daily cycle (diurnal) or a schedule of rates (steps)."}},
        {"rate_per_s", {"Rate (requests/s)", "Average number of requests per second."}},
        {"rate_on_per_s", {"Rate during bursts (requests/s)", "Request rate while a burst lasts."}},
        {"rate_off_per_s",
         {"Rate between bursts (requests/s)", "Request rate in the quiet periods (may be 0)."}},
        {"mean_on_s", {"Mean burst length (s)", "Bursts last this long on average."}},
        {"mean_off_s", {"Mean quiet time (s)", "Quiet periods last this long on average."}},
        {"amplitude",
         {"Amplitude (0–1)",
          "How strong the daily swing is: 0 is flat, 1 drops to zero at the trough and doubles "
          "the rate at the peak."}},
        {"period_s", {"Period (s)", "Length of one cycle (86,400 s is a day)."}},
        {"peak_time_s", {"Peak time (s)", "When in the cycle the rate is highest."}},
        {"memory_mb",
         {"Memory (MB)",
          "Memory of the function or instance. Functions are billed per GB-second, so memory "
          "multiplies their cost."}},
        {"dist",
         {"Distribution",
          "The shape of the randomness: always the same value, exponential (memoryless), "
          "uniform, log-normal or gamma (set by mean and variability), or measured samples."}},
        {"value", {"Value (s)", "Every draw is exactly this."}},
        {"mean", {"Mean (s)", "The average of the draws."}},
        {"cv",
         {"Variability (cv)",
          "Standard deviation divided by the mean: 0.1 is steady, 1 is as variable as an "
          "exponential, above 1 has a heavy tail."}},
        {"min", {"Minimum (s)", "Smallest value."}},
        {"max", {"Maximum (s)", "Largest value."}},
        {"type",
         {"Type", "Functions (FaaS: per-invocation billing, instances on demand), serverless "
                  "containers (instances serving many requests at once, autoscaled) or a VM fleet "
                  "(billed per instance-hour, whatever the load)."}},
        {"cold_start_s",
         {"Cold start (s)",
          "When no warm instance is free, a new one starts: the request waits this long "
          "before running. That wait is the cold-start penalty."}},
        {"keep_alive_s",
         {"Keep-alive (s)",
          "How long an idle instance stays warm after its last request. Longer keep-alive "
          "means fewer cold starts; idle instances are free for you, the provider pays."}},
        {"format",
         {"Trace format",
          "Timestamps: a CSV with one arrival time (s) per line, optionally with a function "
          "column. Azure: the Azure Functions 2019 public trace (per-minute counts)."}},
        {"file",
         {"Trace file",
          "The trace to replay. A relative path is read from the scenario file's folder."}},
        {"function",
         {"Function",
          "Timestamps with a function column: replay only this function's rows. Empty: all."}},
        {"trigger",
         {"Trigger type",
          "Azure: replay only functions with this trigger (http, timer, queue, storage, event, "
          "orchestration, others). Empty: any. To pick functions by hash, edit select.hashes in "
          "the file."}},
        {"top_n",
         {"Top N functions",
          "Azure: of the selected functions, replay only the N with the most invocations."}},
        {"spread",
         {"Within a minute",
          "Azure counts are per minute: spread each minute's invocations uniformly at random "
          "(seeded) or evenly."}},
        {"time_scale",
         {"Time scale",
          "Multiply every trace time by this: 0.5 replays twice as fast (double the rate)."}},
        {"repeat",
         {"Repeat", "Start the trace again when it ends, until the simulation's duration."}},
        {"durations_file",
         {"Durations file",
          "Azure: the companion function_durations_percentiles file; sets the service time."}},
        {"memory_file",
         {"Memory file", "Azure: the companion app_memory_percentiles file; sets the memory."}},
        {"keep_alive_policy",
         {"Keep-alive policy",
          "Fixed: every idle instance stays for the keep-alive. None: unloaded at once (always "
          "cold, never idle). Hybrid histogram: learns the function's idle times, unloads after "
          "each request and pre-warms just before the next one is expected."}},
        {"range_s",
         {"Histogram range (s)",
          "Idle times up to this are binned; longer ones count as out of range."}},
        {"bin_s", {"Bin width (s)", "Width of the idle-time histogram's bins."}},
        {"head_percentile",
         {"Head percentile",
          "The pre-warm window ends at this percentile of idle times (5 in the Azure "
          "paper)."}},
        {"tail_percentile",
         {"Tail percentile",
          "The keep-alive window ends at this percentile of idle times (99 in the Azure "
          "paper)."}},
        {"margin",
         {"Margin", "Fraction by which the pre-warm window is shortened and the keep-alive end "
                    "lengthened."}},
        {"min_idle_times",
         {"Idle times to learn",
          "Until this many idle times are seen, the fixed keep-alive is used."}},
        {"cv_threshold",
         {"CV threshold",
          "The histogram is trusted only when its bin counts vary at least this much "
          "(coefficient of variation): a flat histogram predicts nothing."}},
        {"max_instances",
         {"Max instances",
          "The concurrency limit. Functions reject requests beyond it (HTTP 429); containers "
          "and VMs never scale past it."}},
        {"provisioned_instances",
         {"Provisioned instances",
          "Instances kept warm all the time: no cold starts for the first requests, but "
          "billed around the clock."}},
        {"concurrency_per_instance",
         {"Concurrency per instance",
          "How many requests one instance serves at once. Containers share their vCPUs among "
          "them."}},
        {"instance_selection",
         {"Instance selection",
          "Which warm instance takes a request: the one used last keeps few instances busy; "
          "the one idle longest spreads load and keeps more warm."}},
        {"timeout_s",
         {"Timeout (s)",
          "Executions longer than this are killed (and billed up to it). Long batch jobs hit "
          "this on FaaS."}},
        {"vcpu", {"vCPUs", "CPUs of each instance or VM."}},
        {"queue_timeout_s",
         {"Queue timeout (s)", "A request that waits for capacity longer than this is rejected."}},
        {"min_instances",
         {"Min instances",
          "Instances always running. 0 lets a container service scale to zero when idle; the "
          "first request after that waits for a start."}},
        {"startup_s",
         {"Start-up time (s)", "From the decision to start an instance to it serving requests."}},
        {"interval_s", {"Autoscaler interval (s)", "How often the autoscaler decides."}},
        {"window_s",
         {"Window (s)",
          "The autoscaler averages the observed load over this long; shorter reacts faster "
          "and flaps more."}},
        {"target_utilization",
         {"Target utilisation",
          "Fraction of capacity the autoscaler aims to use; lower keeps headroom for bursts."}},
        {"scale_down_delay_s",
         {"Scale-down delay (s)",
          "Instances are removed only when the lower demand has lasted this long."}},
        {"cpu_target_utilization",
         {"CPU target (optional)",
          "Also scale on CPU: keep busy vCPUs at this fraction of the fleet's vCPUs. Empty: "
          "scale on concurrency only."}},
        {"instances", {"Instances", "VMs in the fleet (with autoscaling: at the start)."}},
        {"dispatch",
         {"Dispatch",
          "How requests reach VMs: one shared queue (best), join the shortest, or in turn."}},
        {"queue_capacity",
         {"Queue capacity", "Requests that may wait; beyond, they are rejected. 0: no waiting."}},
        {"metric_period_s",
         {"Metric period (s)",
          "The autoscaling group averages CPU over, and decides every, this period."}},
        {"boot_s", {"Boot time (s)", "From launch until a new VM serves requests."}},
        {"cooldown_s", {"Cooldown (s)", "After a scaling action, no other happens for this long."}},
        {"pricing",
         {"Price list", "The provider's published rates; each preset cites its source and date."}},
    };
    return table;
}

} // namespace

QString fieldHelp(const QString& key) {
    const auto it = entries().constFind(key);
    return it == entries().constEnd() ? QString()
                                      : QCoreApplication::translate("FieldHelp", it->help);
}

QString fieldLabel(const QString& key) {
    const auto it = entries().constFind(key);
    return it == entries().constEnd() ? key : QCoreApplication::translate("FieldHelp", it->label);
}

} // namespace faaslab::gui
