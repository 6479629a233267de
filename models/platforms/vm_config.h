#pragma once

#include "models/billing/vm_pricing.h"
#include "models/workload/distribution_spec.h"

#include <string_view>

namespace faaslab {

// How requests reach the VMs of a fleet.
enum class VmDispatch {
    // One FIFO queue for the whole fleet; a free core anywhere takes the
    // head (the M/G/c queue).
    CentralQueue,
    // Each request goes at once to the VM with the fewest requests (running
    // or queued there) and waits in that VM's queue.
    LeastConnections,
    // Each request goes to the next VM in turn, whatever its load.
    RoundRobin,
};

std::string_view vmDispatchName(VmDispatch dispatch);

// An autoscaling group with target tracking on average CPU utilisation.
struct VmAutoscaling {
    bool enabled = false;
    int minInstances = 1;
    int maxInstances = 10;
    double targetUtilization = 0.5;
    // The utilisation is averaged over, and re-evaluated every, period.
    double metricPeriodS = 60.0;
    // Time from launch until a new VM serves.
    DistributionSpec bootS = DistributionSpec::deterministic(60.0);
    // After a scaling action, no other before this much time has passed.
    double cooldownS = 300.0;
    bool operator==(const VmAutoscaling&) const = default;
};

struct VmConfig {
    int vcpu = 2; // cores per VM; a request occupies one core
    double memoryMb = 4096.0;
    // Fleet size (fixed), or the starting size with autoscaling.
    int instances = 2;
    VmDispatch dispatch = VmDispatch::CentralQueue;
    // Requests that may wait: in the fleet's queue (central_queue) or in
    // each VM's queue (the other dispatch rules). Beyond, they are rejected.
    int queueCapacity = 1000;
    // A request that waited this long is rejected.
    double queueTimeoutS = 30.0;
    VmAutoscaling autoscaling;
    VmPricing pricing;

    bool operator==(const VmConfig&) const = default;
};

} // namespace faaslab
