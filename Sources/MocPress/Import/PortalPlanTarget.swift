/// Медиаплан портала, в который пишет импорт: `content/<портал>/mediaplan/<год>.yaml`,
/// with what the import needs to know of the portal — its «в течение года»
/// cadence (so the report shows the windows `check` will use) and the ids of
/// its other media plans (ids are unique across the portal).
public struct PortalPlanTarget: Sendable {
    public var portal: String
    /// Path on disk, under the project root.
    public var path: String
    /// `content/<портал>/mediaplan/<год>.yaml`, for messages.
    public var display: String
    public var exists: Bool
    public var yearRound: PortalConfig.YearRoundCadence
    public var reservedIDs: Set<String>

    /// Nil with a message when there is no such portal.
    public static func resolve(portal: String, year: Int, projectRoot: String,
                               fileSystem: any FileSystem = DiskFileSystem()) -> Result<PortalPlanTarget, Diagnostic> {
        let display = "content/\(portal)"
        let root = Path.join(projectRoot, "content", portal)
        let configPath = Path.join(root, "portal.yaml")
        guard !portal.isEmpty, !portal.contains("/"), !portal.hasPrefix("."), fileSystem.isFile(configPath) else {
            return .failure(.error("нет портала «\(portal)»: создайте content/\(portal)/portal.yaml или проверьте имя (или укажите --output ФАЙЛ)",
                                   at: SourceLocation(file: display, line: 0, column: 0)))
        }
        var ignored = DiagnosticBag()
        var yearRound = PortalConfig.YearRoundCadence.halfYear
        if let bytes = try? fileSystem.contents(of: configPath),
           let config = PortalConfig.read(text: Self.text(bytes), file: "\(display)/portal.yaml", diagnostics: &ignored) {
            yearRound = config.yearRound
        }
        let name = "\(year).yaml"
        let folder = Path.join(root, Plan.Kind.media.rawValue)
        var reserved: Set<String> = []
        for other in (try? fileSystem.entries(of: folder)) ?? [] where other != name && (other.hasSuffix(".yaml") || other.hasSuffix(".yml")) {
            guard let bytes = try? fileSystem.contents(of: Path.join(folder, other)) else { continue }
            let relative = "mediaplan/\(other)"
            if let plan = PlanReader.read(text: Self.text(bytes), file: "\(display)/\(relative)", relativePath: relative,
                                          kind: .media, yearRound: yearRound, diagnostics: &ignored) {
                reserved.formUnion(plan.items.map(\.id))
            }
        }
        let path = Path.join(folder, name)
        return .success(PortalPlanTarget(portal: portal, path: path, display: "\(display)/mediaplan/\(name)",
                                         exists: fileSystem.isFile(path) || fileSystem.isDirectory(path),
                                         yearRound: yearRound, reservedIDs: reserved))
    }

    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...], as: UTF8.self)
    }
}
