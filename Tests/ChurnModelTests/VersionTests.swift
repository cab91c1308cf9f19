import Testing
@testable import ChurnModel

@Test func versionIsSemantic() {
    #expect(ChurnSimVersion.current.split(separator: ".").count == 3)
}
