import ArgumentParser

/// `ppo-book`: the command line.
@main
struct PPOBookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ppo-book",
        abstract: "Turn Markdown notebooks with runnable Swift cells into HTML lesson pages.",
        discussion: """
            A notebook is Markdown with fenced ```swift cells. ppo-book compiles the cells against its \
            reinforcement-learning engine, runs them, and writes one self-contained HTML page per notebook \
            with each cell's printed text, tables and figures under it. See docs/notebook-format.md.

            Example:
              ppo-book render notebooks/109.md
              ppo-book render notebooks --output site
            """,
        version: "0.1.0",
        subcommands: [RenderCommand.self, NumericsCommand.self]
    )
}
