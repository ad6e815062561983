import Testing
@testable import TrustData

@Test func versionIsSemantic() {
    #expect(TrustDataVersion.current.split(separator: ".").count == 3)
}
