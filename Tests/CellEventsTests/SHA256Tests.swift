import CellEvents
import Testing

@Suite struct SHA256Tests {
    private func digest(_ text: String) -> String {
        var hash = SHA256()
        hash.update(text.utf8)
        return hash.hexDigest()
    }

    @Test func knownVectors() {
        #expect(digest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(digest(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func chunkedUpdatesMatchOneUpdate() {
        let text = String(repeating: "ppo-book ", count: 50)
        var chunked = SHA256()
        var rest = Substring(text)
        while !rest.isEmpty {
            chunked.update(rest.prefix(7).utf8)
            rest = rest.dropFirst(7)
        }
        #expect(chunked.hexDigest() == digest(text))
    }
}
