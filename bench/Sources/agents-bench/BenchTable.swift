import Foundation

/// Prints bench rows as a fixed-width table, and a one-line summary per agent and preset.
enum BenchTable {
    static func print(_ title: String, _ rows: [BenchRow]) {
        Swift.print("\n== \(title)")
        Swift.print(pad("agent", 6) + pad("env", 13) + pad("preset", 28) + pad("seed", 5, right: true)
                    + pad("steps", 9, right: true) + pad("episodes", 9, right: true) + pad("wall s", 8, right: true) + pad("cpu s", 7, right: true)
                    + pad("steps/s", 10, right: true) + pad("avg20", 8, right: true) + pad("avg100", 8, right: true)
                    + pad("to target", 11, right: true) + pad("ep. to tgt", 11, right: true) + pad("KL stops", 9, right: true))
        for row in rows {
            Swift.print(pad(row.agent, 6) + pad(row.env, 13) + pad(row.preset, 28) + pad("\(row.seed)", 5, right: true)
                        + pad("\(row.steps)", 9, right: true) + pad("\(row.episodes)", 9, right: true)
                        + pad(String(format: "%.2f", row.wallSeconds), 8, right: true)
                        + pad(String(format: "%.2f", row.cpuSeconds), 7, right: true)
                        + pad(String(format: "%.0f", row.stepsPerSecond), 10, right: true)
                        + pad(number(row.finalAverage20), 8, right: true) + pad(number(row.finalAverage100), 8, right: true)
                        + pad(row.stepsToTarget.map { "\($0)" } ?? "never", 11, right: true)
                        + pad(row.episodesToTarget.map { "\($0)" } ?? "never", 11, right: true)
                        + pad(row.earlyStops.map { "\($0)" } ?? "-", 9, right: true))
        }
        var groups: [String] = []
        for row in rows where !groups.contains(row.group) { groups.append(row.group) }
        for group in groups {
            let members = rows.filter { $0.group == group }
            let reached = members.filter { $0.stepsToTarget != nil }.count
            let finals = members.compactMap(\.finalAverage20)
            let mean = finals.reduce(0, +) / Double(max(finals.count, 1))
            Swift.print("   \(group): avg\(members[0].window) reached \(members[0].target) on \(reached)/\(members.count) seeds; mean final avg20 \(String(format: "%.1f", mean))")
        }
    }

    private static func number(_ value: Double?) -> String {
        value.map { String(format: "%.1f", $0) } ?? "-"
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let space = String(repeating: " ", count: max(width - text.count, 1))
        return right ? space + text : text + space
    }
}
