import Foundation

/// The processes a program started, directly or not, as `/proc` shows them. Killing a
/// program's process group is not enough: the Swift compiler driver starts each frontend in a
/// process group of its own, so a compile stopped at its time limit would leave its frontends
/// running, still writing into a folder that is about to be removed.
enum ProcessTree {
    /// Kills `root`'s process group and every running process descended from `root`, and
    /// returns those descendants.
    @discardableResult
    static func killAll(from root: pid_t) -> [pid_t] {
        let family = descendants(of: root)
        kill(-root, SIGKILL)
        for pid in family { kill(pid, SIGKILL) }
        return family
    }

    /// Whether `pid` is still running (a zombie is not).
    static func isRunning(_ pid: pid_t) -> Bool {
        status(of: pid).map { $0.state != "Z" } ?? false
    }

    /// Every running process whose chain of parents leads to `root`.
    private static func descendants(of root: pid_t) -> [pid_t] {
        var children: [pid_t: [pid_t]] = [:]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(entry), let status = status(of: pid), status.state != "Z" else { continue }
            children[status.parent, default: []].append(pid)
        }
        var found: [pid_t] = []
        var pending = [root]
        while let next = pending.popLast() {
            let direct = children[next] ?? []
            found += direct
            pending += direct
        }
        return found
    }

    /// A process's state letter and parent, from `/proc/PID/stat`.
    private static func status(of pid: pid_t) -> (state: Character, parent: pid_t)? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.range(of: ") ", options: .backwards) else { return nil }
        let fields = stat[close.upperBound...].split(separator: " ")
        guard fields.count > 1, let state = fields[0].first, let parent = pid_t(fields[1]) else { return nil }
        return (state, parent)
    }
}
