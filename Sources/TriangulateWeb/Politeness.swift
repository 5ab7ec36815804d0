/// One request at a time per host, and at least `delay` seconds from the end of one to the start of the next.
actor Politeness {
    let delay: Duration
    private var busy: Set<String> = []
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]
    private var last: [String: ContinuousClock.Instant] = [:]

    init(delay: Double) {
        self.delay = .milliseconds(Int((max(0, delay) * 1000).rounded()))
    }

    /// Waits for `host`'s turn.
    func acquire(_ host: String) async {
        if busy.contains(host) {
            await withCheckedContinuation { waiting[host, default: []].append($0) }
        } else {
            busy.insert(host)
        }
        if let last = last[host] { try? await Task.sleep(until: last + delay, clock: .continuous) }
    }

    /// Ends `host`'s turn: the next waiting request goes (the host stays busy), or the host is free.
    func release(_ host: String) {
        last[host] = .now
        if var queue = waiting[host], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[host] = queue.isEmpty ? nil : queue
            next.resume()
        } else {
            busy.remove(host)
        }
    }
}
