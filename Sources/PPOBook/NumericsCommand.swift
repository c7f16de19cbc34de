import ArgumentParser
import Execution
import Foundation

/// `ppo-book numerics`: the fingerprint of the engine's floating-point results on this machine.
struct NumericsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "numerics",
        abstract: "Print the fingerprint of the engine's floating-point results on this machine.",
        discussion: """
            Builds and runs a small probe against the engine (training steps, environment steps, \
            math-library calls) and prints the hash of every result's bits, then a description of \
            the machine. Pages rendered on machines with the same hash are byte-identical; `make` \
            records it in output/.numerics, and `make check-output` compares pages byte for byte \
            only when this machine's hash matches.
            """
    )

    func run() throws {
        let toolchain = try Toolchain.locate(besideExecutable: NotebookArguments.executablePath())
        print("numerics probe: \(try NumericsProbe(toolchain: toolchain).fingerprint())")
        print("machine: \(NumericsProbe.machineDescription)")
    }
}
