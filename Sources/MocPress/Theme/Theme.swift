import Foundation
import Mustache
import Yams

/// A theme with everything it inherits: compiled templates, brand tokens,
/// static files. Loaded once per build and shared by every page.
public struct Theme: Sendable {
    public var name: String
    /// Theme folders from the base theme to this one.
    public var chain: [String]
    public var library: MustacheLibrary
    public var templateNames: Set<String>
    /// Brand tokens after inheritance (`brand.yaml` of each theme in the chain).
    public var brand: [String: String]
    /// Static files: output path → file on disk (a child theme's file replaces its parent's).
    public var staticFiles: [(path: String, source: String)]
    /// Each template's file (`themes/moc/templates/page.mustache`), for diagnostics.
    public var templateFiles: [String: String] = [:]
    /// The same templates compiled once more for each thread that renders.
    let perThread: PerThreadLibrary

    /// A link, a pipe or a device inside a theme: a link could publish a file
    /// from outside the project, and reading a pipe waits forever.
    static let onlyFiles = "в теме допускаются только обычные файлы, а это символическая ссылка, канал или устройство: положите на это место сам файл"

    /// Templates a theme must provide (itself or through `extends:`).
    public static let requiredTemplates = ["base", "home", "section", "page", "publication", "tag", "tags", "404", "alias", "plan"]

    /// Loads `themes/<name>` and the themes it extends.
    public static func load(name: String, projectRoot: String, fileSystem: any FileSystem,
                            requestedAt location: SourceLocation, diagnostics: inout DiagnosticBag) -> Theme? {
        let themesDir = Path.join(projectRoot, "themes")
        var chain: [String] = []
        var current: String? = name
        var currentLocation = location
        while let themeName = current {
            if chain.contains(themeName) {
                diagnostics.error("темы наследуют друг друга по кругу: \((chain + [themeName]).joined(separator: " → "))", at: currentLocation)
                return nil
            }
            let dir = Path.join(themesDir, themeName)
            if themeName.contains("/") || themeName.contains("\\") || themeName.hasPrefix(".") {
                diagnostics.error("тема указывается именем папки в themes/ (например, moc), а не путём: «\(themeName)»", at: currentLocation)
                return nil
            }
            if fileSystem.isSymbolicLink(dir) {
                diagnostics.error("themes/\(themeName) — символическая ссылка: положите тему в themes/ самой папкой, чтобы в сайт не попали файлы извне проекта", at: currentLocation)
                return nil
            }
            guard fileSystem.isDirectory(dir) else {
                let available = ((try? fileSystem.entries(of: themesDir)) ?? []).filter { fileSystem.isDirectory(Path.join(themesDir, $0)) }
                diagnostics.error("нет темы «\(themeName)» в папке themes/; есть: \(available.joined(separator: ", "))", at: currentLocation)
                return nil
            }
            chain.insert(themeName, at: 0)
            current = nil
            let manifest = Path.join(dir, "theme.yaml")
            if fileSystem.isFile(manifest), let text = try? fileSystem.string(at: manifest) {
                let file = "themes/\(themeName)/theme.yaml"
                let reader = YAMLReader(file: file, lineOffset: 0)
                switch reader.parse(text) {
                case .failure(let d): diagnostics.append(d); return nil
                case .success(let node):
                    if let map = MappingReader(node, reader: reader, what: "theme.yaml", diagnostics: &diagnostics) {
                        map.warnUnknownKeys(known: ["name", "description", "extends"], context: "в theme.yaml", &diagnostics)
                        if let parent = map.string("extends", &diagnostics) {
                            current = parent.value
                            currentLocation = parent.location
                        }
                    }
                }
            }
        }

        var templates: [String: (text: String, file: String)] = [:]
        var brand: [String: String] = [:]
        var statics: [String: String] = [:]
        for themeName in chain {
            let dir = Path.join(themesDir, themeName)
            let templateDir = Path.join(dir, "templates")
            if fileSystem.isDirectory(templateDir), let files = try? fileSystem.walk(templateDir) {
                for file in files where file.hasSuffix(".mustache") {
                    let source = Path.join(templateDir, file)
                    guard !fileSystem.isSymbolicLink(source), fileSystem.isFile(source) else {
                        diagnostics.error(onlyFiles, at: SourceLocation(file: "themes/\(themeName)/templates/\(file)"))
                        continue
                    }
                    if let text = try? fileSystem.string(at: source) {
                        templates[String(file.dropLast(".mustache".count))] = (text, "themes/\(themeName)/templates/\(file)")
                    }
                }
            }
            let brandPath = Path.join(dir, "brand.yaml")
            if fileSystem.isFile(brandPath), let text = try? fileSystem.string(at: brandPath) {
                let reader = YAMLReader(file: "themes/\(themeName)/brand.yaml", lineOffset: 0)
                switch reader.parse(text) {
                case .failure(let d): diagnostics.append(d)
                case .success(let node):
                    if let map = MappingReader(node, reader: reader, what: "brand.yaml", diagnostics: &diagnostics) {
                        for pair in map.pairs {
                            if let value = map.string(pair.key, &diagnostics) {
                                if let problem = Brand.problem(token: pair.key, value: value.value) {
                                    diagnostics.error(problem, at: value.location)
                                } else {
                                    brand[pair.key] = value.value
                                }
                            }
                        }
                    }
                }
            }
            let staticDir = Path.join(dir, "static")
            if fileSystem.isDirectory(staticDir), let files = try? fileSystem.walk(staticDir) {
                for file in files {
                    let source = Path.join(staticDir, file)
                    // A link or a pipe could publish or hang on something outside the theme.
                    guard !fileSystem.isSymbolicLink(source), fileSystem.isFile(source) else {
                        diagnostics.error(onlyFiles, at: SourceLocation(file: "themes/\(themeName)/static/\(file)"))
                        continue
                    }
                    statics[file] = source
                }
            }
        }

        var library = MustacheLibrary()
        var sources: [(name: String, text: String)] = []
        for (templateName, template) in templates.sorted(by: { $0.key < $1.key }) {
            do {
                let source = FastHTML.pragma + template.text
                library.register(try MustacheTemplate(string: source), named: templateName)
                sources.append((templateName, source))
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.error("ошибка в шаблоне: \(error.error) — проверьте, что каждая секция {{#…}} закрыта {{/…}}",
                                  at: SourceLocation(file: template.file, line: max(1, error.context.lineNumber - 1), column: max(1, error.context.columnNumber)))
            } catch {
                diagnostics.error("ошибка в шаблоне: \(error)", at: SourceLocation(file: template.file))
            }
        }
        let missing = requiredTemplates.filter { templates[$0] == nil }
        if !missing.isEmpty {
            diagnostics.error("в теме «\(name)» нет шаблонов: \(missing.map { $0 + ".mustache" }.joined(separator: ", "))", at: location)
            return nil
        }
        return Theme(name: name, chain: chain, library: library, templateNames: Set(templates.keys), brand: brand,
                     staticFiles: statics.sorted { $0.key < $1.key }.map { (path: $0.key, source: $0.value) },
                     templateFiles: templates.mapValues(\.file), perThread: PerThreadLibrary(library: library, sources: sources))
    }

    /// swift-mustache escapes `{{…}}` values character by character through a
    /// dictionary, which was a fifth of a build's time. Each template starts
    /// with a pragma line (a standalone tag: no output) that selects the same
    /// escaping done on bytes; error lines are counted without it.
    struct FastHTML: MustacheContentType {
        static let name = "MOCPRESS_HTML"
        static let pragma: String = {
            MustacheContentTypes.register(FastHTML(), named: name)
            return "{{% CONTENT_TYPE: \(name)}}\n"
        }()
        func escapeText(_ text: String) -> String { Escape.html(text) }
    }

    /// Renders a template; the name was checked at load time.
    func render(_ template: String, _ context: [String: Any]) -> String {
        perThread.library().render(context, withTemplate: template) ?? ""
    }

    /// swift-mustache's compiled templates are reference-counted values that
    /// are retained and released for every token rendered. Two threads
    /// rendering from the same objects keep taking the same cache lines from
    /// each other: a token cost 20–35 % more on two cores than with a copy
    /// per thread. So each thread that renders compiles its own copy on first
    /// use and keeps it (the next theme replaces it).
    final class PerThreadLibrary: @unchecked Sendable {
        private let shared: MustacheLibrary
        private let sources: [(name: String, text: String)]

        init(library: MustacheLibrary, sources: [(name: String, text: String)]) {
            shared = library
            self.sources = sources
        }

        func library() -> MustacheLibrary {
            PerThread.value("mocpress.theme.library", owner: self) {
                var library = MustacheLibrary()
                for source in sources {
                    // These parsed once already; a failure here cannot happen, but would only cost the copy.
                    guard let template = try? MustacheTemplate(string: source.text) else { return shared }
                    library.register(template, named: source.name)
                }
                return library
            }
        }
    }
}

/// Brand tokens (цвета, логотип, шрифты) and the CSS written from them.
public enum Brand {
    /// Why a token value cannot be used, or nil when it can.
    public static func problem(token: String, value: String) -> String? {
        if token.hasPrefix("color_") {
            let hex = value.hasPrefix("#") ? value.dropFirst() : ""
            guard [3, 4, 6, 8].contains(hex.count), hex.allSatisfy(\.isHexDigit) else {
                return "цвет «\(token)» задаётся в виде #rrggbb (например, #1f4e8c), а не «\(value)»"
            }
        } else if token.hasPrefix("font_") {
            guard !value.isEmpty, value.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || $0 == " " || $0 == "-" }) else {
                return "шрифт «\(token)» — это имя семейства из букв, цифр, пробелов и дефисов, а не «\(value)»"
            }
        } else if token == "logo" {
            if value.contains("..") || value.hasPrefix("/") || value.contains(":") {
                return "logo — путь к файлу внутри static/ темы или портала (например, img/logo.svg), а не «\(value)»"
            }
        }
        return nil
    }

    /// `:root { --color-primary: …; --font-body: "PT Sans", … }` — sorted, so rebuilds are identical.
    public static func css(_ tokens: [String: String]) -> String {
        var lines = [":root {"]
        for (token, value) in tokens.sorted(by: { $0.key < $1.key }) {
            let variable = "--" + token.replacingOccurrences(of: "_", with: "-")
            if token.hasPrefix("color_") {
                lines.append("  \(variable): \(value);")
            } else if token.hasPrefix("font_") {
                let fallbacks = ["PT Sans", "Helvetica Neue", "Arial"].filter { $0 != value }.map { "\"\($0)\"" }
                lines.append("  \(variable): " + (["\"\(value)\""] + fallbacks + ["sans-serif"]).joined(separator: ", ") + ";")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}
