import ArgumentParser
import Execution

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
              ppo-book render notebooks/109.md --to pdf --to ipynb
              ppo-book render notebooks/109.md -P seedCount=1   (a draft)
              ppo-book check notebooks --no-run
              ppo-book preview notebooks/109.md
              ppo-book cache prune --max-size 2G
            """,
        version: NotebookExecutor.version,
        subcommands: [RenderCommand.self, CheckCommand.self, PreviewCommand.self, CacheCommand.self, NumericsCommand.self]
    )
}
