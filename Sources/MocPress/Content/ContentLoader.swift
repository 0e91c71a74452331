import Foundation

/// Reads portals from `content/` through the `FileSystem` seam, collecting
/// every diagnostic of the run.
public struct ContentLoader: Sendable {
    public let fileSystem: any FileSystem
    /// The project folder (holding `content/` and `themes/`).
    public let projectRoot: String

    /// Folders of a portal that are not pages.
    static let reservedFolders: Set<String> = ["static", "mediaplan", "workplan"]

    public init(fileSystem: any FileSystem = DiskFileSystem(), projectRoot: String = ".") {
        self.fileSystem = fileSystem
        self.projectRoot = projectRoot
    }

    var contentDirectory: String { Path.join(projectRoot, "content") }

    /// Portal ids: folders of `content/` with a `portal.yaml`, sorted.
    public func portalIDs() -> [String] {
        guard let names = try? fileSystem.entries(of: contentDirectory) else { return [] }
        return names.filter { !$0.hasPrefix(".") && fileSystem.isFile(Path.join(contentDirectory, $0, "portal.yaml")) }
    }

    /// Loads one portal. Returns nil only when nothing usable could be read;
    /// diagnostics are appended either way.
    public func load(portal id: String, diagnostics: inout DiagnosticBag) -> Portal? {
        let root = Path.join(contentDirectory, id)
        let display = "content/\(id)"
        let configPath = Path.join(root, "portal.yaml")
        guard fileSystem.isFile(configPath) else {
            diagnostics.error("нет портала «\(id)»: создайте content/\(id)/portal.yaml или проверьте имя", at: SourceLocation(file: display, line: 0, column: 0))
            return nil
        }
        guard let configBytes = try? fileSystem.contents(of: configPath) else {
            diagnostics.error("не удалось прочитать portal.yaml", at: SourceLocation(file: "\(display)/portal.yaml"))
            return nil
        }
        let configText = String(decoding: stripBOM(configBytes), as: UTF8.self)
        guard let config = PortalConfig.read(text: configText, file: "\(display)/portal.yaml", diagnostics: &diagnostics) else { return nil }

        var pages: [Page] = []
        var staticFiles: [String] = []
        var resources: [String] = []
        var unreadable: Set<String> = []
        var pageFiles: [PageFile] = []
        walk(root: root, display: display, relative: "", pages: &pageFiles, staticFiles: &staticFiles, resources: &resources,
             unreadable: &unreadable, diagnostics: &diagnostics)
        read(pageFiles, into: &pages, unreadable: &unreadable, diagnostics: &diagnostics)
        pages.sort { $0.relativePath < $1.relativePath }
        let sections = buildSections(pages: pages, display: display, diagnostics: &diagnostics)
        var failedPlans: Set<String> = []
        let plans = loadPlans(root: root, display: display, config: config, failed: &failedPlans, diagnostics: &diagnostics)
        var portal = Portal(id: id, root: root, config: config, pages: pages, sections: sections,
                            staticFiles: staticFiles.sorted(), resources: resources.sorted(), unreadablePages: unreadable, plans: plans)
        portal.unreadablePlans = failedPlans
        return portal
    }

    /// `mediaplan/*.yaml` and `workplan/*.yaml`, sorted by year; item ids of
    /// the media plans are unique across the portal.
    private func loadPlans(root: String, display: String, config: PortalConfig, failed: inout Set<String>, diagnostics: inout DiagnosticBag) -> [Plan] {
        var plans: [Plan] = []
        for kind in Plan.Kind.allCases {
            let folder = Path.join(root, kind.rawValue)
            guard fileSystem.isDirectory(folder), let names = try? fileSystem.entries(of: folder) else { continue }
            for name in names where !name.hasPrefix(".") {
                let relative = "\(kind.rawValue)/\(name)"
                let shown = Path.join(display, relative)
                let ext = Path.fileExtension(of: name)
                guard ext == "yaml" || ext == "yml" else {
                    diagnostics.warning("в папке \(kind.rawValue)/ ожидаются только планы <год>.yaml: файл пропущен", at: SourceLocation(file: shown, line: 0, column: 0))
                    continue
                }
                guard let bytes = try? fileSystem.contents(of: Path.join(folder, name)) else {
                    diagnostics.error("не удалось прочитать план", at: SourceLocation(file: shown, line: 0, column: 0))
                    failed.insert(relative)
                    continue
                }
                let text = String(decoding: stripBOM(bytes), as: UTF8.self)
                if let plan = PlanReader.read(text: text, file: shown, relativePath: relative, kind: kind,
                                              yearRound: config.yearRound, diagnostics: &diagnostics) {
                    plans.append(plan)
                } else {
                    failed.insert(relative)
                }
            }
        }
        plans.sort { ($0.kind.rawValue, $0.year, $0.file) < ($1.kind.rawValue, $1.year, $1.file) }
        var owners: [String: String] = [:]
        for plan in plans where plan.kind == .media {
            for item in plan.items {
                if let other = owners[item.id], other != plan.file {
                    diagnostics.error("id «\(item.id)» уже есть в \(other): id пунктов медиапланов не повторяются в пределах портала", at: item.location)
                }
                owners[item.id] = owners[item.id] ?? plan.file
            }
        }
        return plans
    }

    /// The largest Markdown page read: a bigger one is a mistake (pasted
    /// images, a data export), and reading it would only cost memory.
    static let pageSizeLimit = 10 * 1024 * 1024

    static let notAFile = "это не обычный файл (именованный канал, сокет или устройство): положите на его место файл или уберите его из папки портала"

    /// «50 Мб», written as attachment sizes are.
    static func megabytes(_ bytes: Int) -> String {
        RussianNumber.format(Double(bytes) / 1_048_576, decimals: 1) + " Мб"
    }

    private func stripBOM(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
    }

    /// A Markdown file found by `walk`, read afterwards.
    private struct PageFile {
        var relative: String
        var full: String
        var shown: String
    }

    /// Reads and parses the pages over the cores (a portal of 10,000 pages
    /// spent a second here on one); diagnostics keep the files' order.
    private func read(_ files: [PageFile], into pages: inout [Page], unreadable: inout Set<String>, diagnostics: inout DiagnosticBag) {
        let results = Slots<(page: Page?, diagnostics: DiagnosticBag)>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            var own = DiagnosticBag()
            let page = readPage(files[i], diagnostics: &own)
            results[i] = (page, own)
        }
        for (file, result) in zip(files, results.values) {
            guard let result else { continue }
            diagnostics.append(contentsOf: result.diagnostics.items)
            if let page = result.page { pages.append(page) } else { unreadable.insert(file.relative) }
        }
    }

    private func readPage(_ file: PageFile, diagnostics: inout DiagnosticBag) -> Page? {
        switch try? fileSystem.contents(of: file.full, atMost: Self.pageSizeLimit) {
        case .bytes(let bytes)?:
            return PageReader.read(bytes: bytes, source: file.shown, relativePath: file.relative, diagnostics: &diagnostics)
        case .tooLarge(let size)?:
            diagnostics.error("файл страницы слишком большой: \(Self.megabytes(size)) при пределе \(Self.megabytes(Self.pageSizeLimit)); так бывает, когда в текст вставлены картинки или выгрузка таблицы — разбейте страницу или приложите данные файлом (files:, data:)",
                              at: SourceLocation(file: file.shown, line: 0, column: 0))
        case nil:
            diagnostics.error("не удалось прочитать файл: проверьте права доступа", at: SourceLocation(file: file.shown, line: 0, column: 0))
        }
        return nil
    }

    private func walk(root: String, display: String, relative: String, pages: inout [PageFile], staticFiles: inout [String],
                      resources: inout [String], unreadable: inout Set<String>, diagnostics: inout DiagnosticBag) {
        let directory = relative.isEmpty ? root : Path.join(root, relative)
        let entries: [DirectoryEntry]
        do {
            entries = try fileSystem.typedEntries(of: directory)
        } catch {
            diagnostics.error("не удалось прочитать папку: проверьте права доступа", at: SourceLocation(file: Path.join(display, relative), line: 0, column: 0))
            return
        }
        // Joined once per folder: a name from the folder has no slash to fold.
        let shownDirectory = Path.join(display, relative)
        func inside(_ folder: String, _ name: String) -> String {
            folder.isEmpty ? name : folder.utf8.last == UInt8(ascii: "/") ? folder + name : folder + "/" + name
        }
        for entry in entries where !entry.name.hasPrefix(".") {
            let name = entry.name
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            let full = inside(directory, name)
            let shown = inside(shownDirectory, name)
            if entry.kind == .symbolicLink {
                diagnostics.error("символическая ссылка в папке портала не допускается: замените её самим файлом", at: SourceLocation(file: shown, line: 0, column: 0))
                unreadable.insert(childRelative)
                continue
            }
            if entry.kind == .other {
                diagnostics.error(Self.notAFile, at: SourceLocation(file: shown, line: 0, column: 0))
                unreadable.insert(childRelative)
                continue
            }
            if entry.kind == .directory {
                if relative.isEmpty && name == "static" {
                    for file in (try? fileSystem.walk(full)) ?? [] {
                        // A link could publish a file from outside the portal.
                        if fileSystem.isSymbolicLink(Path.join(full, file)) {
                            diagnostics.error("символическая ссылка в static/ не допускается: положите сам файл", at: SourceLocation(file: Path.join(display, "static", file), line: 0, column: 0))
                        } else if !fileSystem.isFile(Path.join(full, file)) {
                            diagnostics.error(Self.notAFile, at: SourceLocation(file: Path.join(display, "static", file), line: 0, column: 0))
                        } else {
                            staticFiles.append(file)
                        }
                    }
                    continue
                }
                if relative.isEmpty && Self.reservedFolders.contains(name) { continue }
                if name.hasSuffix(".md") {
                    diagnostics.error("«\(name)» — папка, а не файл Markdown: переименуйте папку или уберите .md из имени", at: SourceLocation(file: shown, line: 0, column: 0))
                    continue
                }
                walk(root: root, display: display, relative: childRelative, pages: &pages, staticFiles: &staticFiles, resources: &resources,
                     unreadable: &unreadable, diagnostics: &diagnostics)
                continue
            }
            if relative.isEmpty && name == "portal.yaml" { continue }
            if Path.fileExtension(of: name) == "md" {
                pages.append(PageFile(relative: childRelative, full: full, shown: shown))
            } else {
                resources.append(childRelative)
            }
        }
    }

    private func buildSections(pages: [Page], display: String, diagnostics: inout DiagnosticBag) -> [String: Section] {
        var sections: [String: Section] = [:]
        func ensure(_ path: String) {
            guard sections[path] == nil else { return }
            let name = Path.fileName(of: path)
            sections[path] = Section(path: path, indexPage: nil, pages: [], children: [], block: nil, kind: nil,
                                     title: path.isEmpty ? "" : Self.humanize(name))
            if !path.isEmpty {
                let parent = Path.directory(of: path)
                ensure(parent)
                sections[parent]!.children.append(path)
            }
        }
        ensure("")
        for (index, page) in pages.enumerated() {
            let directory = page.directory
            ensure(directory)
            if page.isSectionIndex {
                sections[directory]!.indexPage = index
                sections[directory]!.title = page.title
                sections[directory]!.kind = page.kind
            } else {
                sections[directory]!.pages.append(index)
            }
        }
        // Blocks are declared at the top level and hold for everything below;
        // a section kind holds for its subfolders unless they declare their own.
        var declared: [BlockKind: String] = [:]
        for path in sections.keys.sorted() where !path.isEmpty {
            let top = String(path.split(separator: "/").first!)
            if path == top, let index = sections[path]!.indexPage, let block = pages[index].block {
                if let other = declared[block] {
                    diagnostics.error("блок «\(block.title)» уже объявлен в \(other): у каждого блока один раздел", at: SourceLocation(file: pages[index].source))
                } else {
                    declared[block] = pages[index].source
                }
            }
            let topIndex = sections[top]?.indexPage
            sections[path]!.block = topIndex.flatMap { pages[$0].block }
            if sections[path]!.kind == nil, path != top {
                sections[path]!.kind = sections[Path.directory(of: path)]?.kind
            }
        }
        for key in sections.keys { sections[key]!.children.sort() }
        return sections
    }

    /// «metodicheskij-blok» or «методический-блок» → «Методический блок» as a fallback title.
    static func humanize(_ name: String) -> String {
        let words = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
