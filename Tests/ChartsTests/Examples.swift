import Charts

/// Small figures of every chart kind, shared by the tests.
enum Examples {
    static let rewards: [[Double]] = [
        (0 ..< 300).map { Double($0) * 1.5 + Double($0 % 7) * 4 },
        (0 ..< 250).map { 20 + Double($0) * 0.8 },
        (0 ..< 280).map { Double(($0 * 37) % 500) },
    ]

    static var seeds: Figure {
        var fig = Figure(title: "REINFORCE, three seeds", xLabel: "episode", yLabel: "return (100-episode average)")
        for (seed, run) in rewards.enumerated() {
            fig.line(movingAverageCurve(run, window: 100), label: "seed \(seed)")
        }
        fig.horizontalLine(at: 195, label: "solved (195)")
        fig.horizontalLine(at: 500, label: "ceiling (500)")
        return fig
    }

    static var band: Figure {
        var fig = Figure(title: "Mean and spread", xLabel: "episode", yLabel: "return")
        fig.line(RunSummary(curves: rewards.map { movingAverageCurve($0, window: 50) }), spread: .minMax, label: "REINFORCE")
        fig.verticalLine(at: 150, label: "halfway")
        return fig
    }

    static var scatter: Figure {
        var fig = Figure(title: "Pendulum returns", xLabel: "episode", yLabel: "return")
        let returns = (0 ..< 60).map { -1600 + 25 * Double($0) }
        fig.scatter(x: Array(0 ..< 60), y: returns, label: "episode return")
        return fig
    }

    static var bars: Figure {
        var fig = Figure(title: "Episodes to 195", xLabel: "seed", yLabel: "episodes")
        let seeds = ["seed 0", "seed 1", "seed 2"]
        fig.bars(categories: seeds, values: [412, nil, 655], label: "REINFORCE")
        fig.bars(categories: seeds, values: [238, 301, 276], label: "with baseline")
        return fig
    }

    static var panels: Figure {
        var left = Panel(title: "REINFORCE", xLabel: "episode", yLabel: "return")
        left.line(y: rewards[0], label: "raw")
        var right = Panel(title: "with baseline", xLabel: "episode")
        right.line(y: rewards[1], label: "raw")
        return Figure(title: "Side by side", panels: [left, right], sharesYAxis: true)
    }

    static var all: [(name: String, figure: Figure)] {
        [("seeds", seeds), ("band", band), ("scatter", scatter), ("bars", bars), ("panels", panels)]
    }
}
