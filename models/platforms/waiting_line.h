#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace faaslab {

// A request waiting for capacity: what is needed to serve or reject it.
struct WaitingRequest {
    double arrival = 0.0;
    double work = 0.0;
    double ioWait = 0.0;
    bool measured = false;
    std::uint64_t id = 0;    // the request's number, to recognise it in a line
    std::uint64_t token = 0; // Request::token
};

// A first-in first-out line of waiting requests in a ring buffer (no
// allocation once it has grown to the largest backlog).
//
// Every request in a line waits at most the same `timeout`, so requests time
// out in the order they joined: the line's head is always the next to
// expire. Platforms therefore expire waiting requests lazily, before each
// event, at their exact times (see dropExpired), with no timer event per
// request.
class WaitingLine {
public:
    void push(const WaitingRequest& request);
    WaitingRequest pop();
    const WaitingRequest& front() const { return m_items[m_head]; }
    bool empty() const { return m_size == 0; }
    std::size_t size() const { return m_size; }

    // Removes, oldest first, every request whose wait reached `timeout` by
    // `now`, calling onExpired(request, expiryTime) for each in time order.
    template <typename OnExpired>
    void dropExpired(double now, double timeout, OnExpired onExpired) {
        while (m_size > 0 && m_items[m_head].arrival + timeout <= now) {
            const WaitingRequest expired = pop();
            onExpired(expired, expired.arrival + timeout);
        }
    }

private:
    void grow();

    std::vector<WaitingRequest> m_items;
    std::size_t m_head = 0;
    std::size_t m_size = 0;
};

} // namespace faaslab
