import Foundation

/// Why `mocpress new` wrote nothing, in Russian.
public struct ScaffoldError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable {
        /// Wrong usage: a bad id, an unknown portal, no section to put the page in (exit 64).
        case usage
        /// The file or folder is already there: nothing is overwritten (exit 2).
        case exists
        /// The disk refused (exit 2).
        case io
    }
    public var reason: Reason
    public var message: String
    public var description: String { message }
}

/// Writes what `mocpress new` makes, through Foundation, in UTF-8; never over
/// an existing file.
public enum ScaffoldWriter {
    /// Creates `content/<id>/` under `projectRoot`. The portal is written to
    /// a hidden folder first and renamed at the end, so a failure leaves no
    /// half portal behind. Returns the portal folder.
    @discardableResult
    public static func createPortal(_ scaffold: PortalScaffold, projectRoot: String) throws -> String {
        guard PortalScaffold.isValidID(scaffold.id) else {
            throw ScaffoldError(reason: .usage, message: "имя портала «\(scaffold.id)» не подходит: используйте строчные латинские буквы, цифры и дефис, например sosnovsky или moc-tambov")
        }
        let manager = FileManager.default
        let content = Path.join(projectRoot, "content")
        let folder = Path.join(content, scaffold.id)
        if manager.fileExists(atPath: folder) {
            throw ScaffoldError(reason: .exists, message: "портал «\(scaffold.id)» уже есть (\(folder)): ничего не изменено; выберите другое имя или удалите папку")
        }
        let temporary = Path.join(content, ".\(scaffold.id).new-\(UUID().uuidString)")
        do {
            for file in scaffold.files() {
                try write(file.text, to: Path.join(temporary, file.path))
            }
            try manager.moveItem(atPath: temporary, toPath: folder)
        } catch {
            try? manager.removeItem(atPath: temporary)
            if manager.fileExists(atPath: folder) {
                throw ScaffoldError(reason: .exists, message: "портал «\(scaffold.id)» уже есть (\(folder)): ничего не изменено")
            }
            throw ScaffoldError(reason: .io, message: "не удалось создать портал в \(folder): \(error.localizedDescription)")
        }
        return folder
    }

    /// Creates one page in a portal: in `section` (a folder inside the
    /// portal) or where pages of its kind live. Returns the path written,
    /// relative to `projectRoot` (`content/<portal>/info/novosti/<slug>.md`).
    public static func createPage(_ page: PageScaffold, portal id: String, section: String?, projectRoot: String,
                                  fileSystem: any FileSystem = DiskFileSystem()) throws -> String {
        let loader = ContentLoader(fileSystem: fileSystem, projectRoot: projectRoot)
        guard loader.portalIDs().contains(id) else {
            let known = loader.portalIDs()
            throw ScaffoldError(reason: .usage, message: "нет портала «\(id)» (\(known.isEmpty ? "порталов нет: создайте его командой mocpress new portal \(id)" : "есть: " + known.joined(separator: ", ")))")
        }
        var diagnostics = DiagnosticBag()
        guard let portal = loader.load(portal: id, diagnostics: &diagnostics) else {
            throw ScaffoldError(reason: .io, message: "не удалось прочитать портал «\(id)»: " + diagnostics.sorted.map(\.description).joined(separator: "; "))
        }
        guard !page.slug.isEmpty else {
            throw ScaffoldError(reason: .usage, message: "в заголовке «\(page.title)» нет букв или цифр для имени файла: напишите заголовок словами")
        }
        let folder: String
        if let section {
            guard let normalized = Path.normalize(section.trimmingCharacters(in: CharacterSet(charactersIn: "/ "))), !normalized.isEmpty,
                  !section.hasPrefix("/"), !section.contains("\\"),
                  !ContentLoader.reservedFolders.contains(String(normalized.split(separator: "/")[0])) else {
                throw ScaffoldError(reason: .usage, message: "--section «\(section)» должен быть папкой раздела внутри content/\(id)/, например info/novosti")
            }
            if fileSystem.isFile(Path.join(portal.root, normalized)) {
                throw ScaffoldError(reason: .usage, message: "--section «\(section)» — это файл, а не папка раздела: укажите папку, например \(Path.directory(of: normalized).isEmpty ? "info/novosti" : Path.directory(of: normalized))")
            }
            folder = normalized
        } else if let found = page.defaultSection(in: portal) {
            folder = found
        } else {
            throw ScaffoldError(reason: .usage, message: "на портале «\(id)» нет места для страницы: нужен \(page.kind.sectionName); создайте его или укажите --section <папка>")
        }
        let relative = Path.join(folder, page.slug + ".md")
        let shown = Path.join("content", id, relative)
        let full = Path.join(portal.root, relative)
        let manager = FileManager.default
        if manager.fileExists(atPath: full) {
            throw ScaffoldError(reason: .exists, message: "файл \(shown) уже есть: ничего не изменено; выберите другой заголовок или отредактируйте этот файл")
        }
        if manager.fileExists(atPath: Path.join(portal.root, folder, page.slug)) {
            throw ScaffoldError(reason: .exists, message: "папка \(Path.join("content", id, folder, page.slug)) уже занимает адрес этой страницы: выберите другой заголовок")
        }
        do {
            try write(page.text(for: portal), to: full)
        } catch {
            if manager.fileExists(atPath: full) {
                throw ScaffoldError(reason: .exists, message: "файл \(shown) уже есть: ничего не изменено")
            }
            throw ScaffoldError(reason: .io, message: "не удалось записать \(shown): \(error.localizedDescription)")
        }
        return shown
    }

    /// UTF-8 through Foundation; fails rather than replace a file that is already there.
    static func write(_ text: String, to path: String) throws {
        let directory = Path.directory(of: path)
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
    }
}
