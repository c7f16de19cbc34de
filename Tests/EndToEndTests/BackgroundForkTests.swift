import Foundation
import Testing

/// An `expect-error` cell forks the program while a run started in the background is still
/// training, one worker busy with it and the others waiting for work: the copy starts workers
/// of its own for its `parallelMap`, and the program's run finishes afterwards as if nothing
/// had happened.
@Suite struct BackgroundForkTests {
    static let notebook = """
        ---
        timeout: 30
        ---
        # Background and fork

        ```swift
        let gate = DispatchSemaphore(value: 0)
        let slow = BackgroundRun { parallelMap([4]) { item -> Int in gate.wait(); return item * 10 } }
        Thread.sleep(forTimeInterval: 0.2)
        print("started")
        ```

        ```swift expect-error
        print("in the copy:", parallelMap([1, 2, 3]) { $0 * 2 })
        fatalError("the copy stops here")
        ```

        ```swift
        gate.signal()
        print("in the program:", slow.value)
        ```
        """

    @Test func theCopyHasWorkersOfItsOwnAndTheRunsFinish() throws {
        let workspace = try Workspace()
        let run = try workspace.render(Self.notebook)
        #expect(run.status == 0, "\(run.errors)")
        let page = try run.page()
        #expect(page.contains("in the copy: [2, 4, 6]"))
        #expect(page.contains("the copy stops here"))
        #expect(page.contains("in the program: [40]"))
    }
}
