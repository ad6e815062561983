/// The version printed by `trustdata --version` and written into every run report.
public enum TrustDataVersion {
    public static let current = "0.1.0"
}
