import Foundation

/// A data file of a page, read and drawn.
struct Dataset: Sendable {
    var title: String
    var caption: String
    var unit: String
    var table: DataTable
    var svg: String?
    /// The data file inside the portal, offered for download.
    var source: String
}

extension PortalBuild {
    /// Reads every attached file once (size and SHA-256 for the labels and
    /// the package table) and every data file into a table and a chart.
    static func readFiles(_ build: inout PortalBuild) {
        var found: [String] = []
        var seen: Set<String> = []
        for index in build.included {
            let page = build.portal.pages[index]
            for reference in build.fileReferences(of: page) {
                guard let path = portalPath(reference.path, relativeTo: page.directory),
                      build.portal.resources.contains(path), seen.insert(path).inserted else { continue }
                found.append(path)
            }
        }
        let snapshot = build
        let paths = found
        let slots = Slots<Result<(Attachment, [UInt8]?), FileSystemError>>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            let path = paths[i]
            do {
                let bytes = try snapshot.fileSystem.contents(of: Path.join(snapshot.portal.root, path))
                let digest = Attachment.sha256(bytes)
                let name = Path.fileName(of: snapshot.urls.resourcePaths[path] ?? path)
                let attachment = Attachment(output: snapshot.urls.resourcePaths[path] ?? path, name: name,
                                            ext: Path.fileExtension(of: path).lowercased(), size: bytes.count, sha256: digest)
                let keep = ["csv", "yaml", "yml"].contains(attachment.ext)
                slots[i] = .success((attachment, keep ? bytes : nil))
            } catch let error as FileSystemError {
                slots[i] = .failure(error)
            } catch {
                slots[i] = .failure(FileSystemError(path: path, reason: "\(error)"))
            }
        }
        var contents: [String: [UInt8]] = [:]
        for (i, slot) in slots.values.enumerated() {
            guard let slot else { continue }
            switch slot {
            case .success(let (attachment, bytes)):
                build.attachments[paths[i]] = attachment
                contents[paths[i]] = bytes
            case .failure(let error):
                build.diagnostics.error("файл не прочитан: \(error.reason)", at: SourceLocation(file: "content/\(build.portal.id)/\(paths[i])", line: 0, column: 0))
            }
        }
        build.checkActFiles()
        build.readDatasets(contents)
    }

    /// Acts are published as pdf, doc(x), xls(x), odt or ods of at most 15 MB.
    mutating func checkActFiles() {
        for index in included {
            let page = portal.pages[index]
            guard page.features.act != nil, let file = page.features.file,
                  let path = Self.portalPath(file.path, relativeTo: page.directory), let attachment = attachments[path] else { continue }
            if !Attachment.documentExtensions.contains(attachment.ext) {
                diagnostics.warning("документ «\(file.path)» в формате .\(attachment.ext): на официальных сайтах документы публикуют в pdf, doc(x), xls(x), odt или ods", at: file.location)
            }
            if attachment.size > Attachment.documentSizeLimit {
                diagnostics.warning("документ «\(file.path)» весит \(attachment.label.split(separator: ";").last!.trimmingWhitespace()): больше 15 Мб, такой файл трудно скачать; уменьшите его (сожмите скан)", at: file.location)
            }
        }
    }

    /// Tables and charts of the `data:` files.
    mutating func readDatasets(_ contents: [String: [UInt8]]) {
        var tables: [String: DataTable?] = [:]
        for index in included {
            let page = portal.pages[index]
            var result: [Dataset] = []
            for (n, reference) in page.features.datasets.enumerated() {
                guard let path = Self.portalPath(reference.file.path, relativeTo: page.directory), let bytes = contents[path] else { continue }
                if tables[path] == nil {
                    tables[path] = DataTableReader.read(bytes: bytes, source: "content/\(portal.id)/\(path)", diagnostics: &diagnostics)
                }
                guard let table = tables[path] ?? nil else { continue }
                let title = reference.title ?? (page.features.datasets.count > 1 ? "\(page.title) (\(n + 1))" : page.title)
                var svg: String?
                if reference.chart != .none {
                    svg = Chart.svg(table, kind: reference.chart == .line ? .line : .bar, title: title, unit: reference.unit, id: "chart-\(n + 1)")
                    if svg == nil {
                        diagnostics.warning("в «\(reference.file.path)» нет числовых столбцов: диаграмма не построена, данные показаны таблицей (или укажите chart: none)", at: reference.file.location)
                    }
                }
                result.append(Dataset(title: title, caption: reference.caption, unit: reference.unit, table: table, svg: svg, source: path))
            }
            if !result.isEmpty { datasets[index] = result }
        }
    }
}
