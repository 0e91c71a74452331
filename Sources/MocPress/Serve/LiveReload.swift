import Foundation

/// The script `mocpress serve` adds to every HTML page it sends, and only
/// there: files on disk stay byte-identical to `mocpress build`.
///
/// It listens to `/__mocpress/events` (Server-Sent Events carrying the
/// `ServeStatus` JSON), reloads the page after a successful rebuild and, after
/// a failed one, shows the diagnostics over the last good page.
enum LiveReload {
    static let scriptPath = "/__mocpress/live.js"
    static let eventsPath = "/__mocpress/events"
    static let statusPath = "/__mocpress/status"

    /// The tag put before `</body>`; `data-build` is the build the page was
    /// served at, so that a rebuild that ends before the tab connects still reloads it.
    static func tag(build: Int) -> String {
        "<script src=\"\(scriptPath)\" data-build=\"\(build)\"></script>"
    }

    /// Puts the script before the last `</body>` (any case), or at the end of
    /// a page that has none (alias pages are a bare meta refresh).
    static func inject(into html: Data, build: Int) -> Data {
        let tag = Data(tag(build: build).utf8)
        let bytes = [UInt8](html)
        let needle = Array("</body".utf8)
        var index = bytes.count - needle.count
        while index >= 0 {
            var matches = true
            for offset in 0..<needle.count where asciiLower(bytes[index + offset]) != needle[offset] {
                matches = false
                break
            }
            if matches {
                var out = Data(bytes[..<index])
                out.append(tag)
                out.append(contentsOf: bytes[index...])
                return out
            }
            index -= 1
        }
        var out = html
        out.append(tag)
        return out
    }

    private static func asciiLower(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    /// The page shown for a missing page when the portal has no `404.html`
    /// yet (its first build failed): the overlay then says why.
    static let fallbackNotFound = """
        <!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Страница не найдена</title></head>
        <body><h1>Страница не найдена</h1><p>Такой страницы нет в собранном портале.</p></body></html>
        """

    /// The browser side. Texts are Russian; the overlay lives in a shadow root
    /// so that the theme's styles (and the visually-impaired mode) leave it readable,
    /// and messages go in as text, never as HTML.
    static let script = #"""
        (function () {
          "use strict";
          var current = document.currentScript;
          var pageBuild = Number(current && current.getAttribute("data-build")) || 0;
          var source = null;
          var host = null;
          var shown = -1;
          var dismissed = -1;
          var labels = { error: "ошибка", warning: "предупреждение" };

          function line(d) {
            return d.file + ":" + Math.max(d.line, 1) + ":" + Math.max(d.column, 1) + ": " +
              (labels[d.severity] || d.severity) + ": " + d.message;
          }

          function hide() {
            if (host) { host.remove(); host = null; }
          }

          function show(status) {
            if (status.build === dismissed) { return; }
            hide();
            shown = status.build;
            host = document.createElement("div");
            host.setAttribute("data-mocpress-overlay", "");
            var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
            var style = document.createElement("style");
            style.textContent =
              ".box{position:fixed;left:0;right:0;top:0;z-index:2147483647;max-height:70vh;overflow:auto;" +
              "box-sizing:border-box;margin:0;padding:16px 20px 20px;background:#fff;color:#1a1a1a;" +
              "border-bottom:6px solid #b3261e;box-shadow:0 4px 24px rgba(0,0,0,.35);" +
              "font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;text-align:left}" +
              "h2{margin:0 48px 8px 0;font-size:20px;line-height:1.3;color:#8c1d18}" +
              "p{margin:0 0 12px}" +
              "ol{margin:0;padding:0 0 0 24px}" +
              "li{margin:0 0 8px;font:14px/1.5 ui-monospace,'DejaVu Sans Mono',Consolas,monospace;" +
              "white-space:pre-wrap;word-break:break-word}" +
              "li.error{color:#8c1d18}li.warning{color:#5c4300}" +
              "button{position:absolute;top:12px;right:12px;min-width:40px;min-height:40px;padding:4px 10px;" +
              "font:inherit;font-size:16px;color:#fff;background:#1a1a1a;border:2px solid #1a1a1a;border-radius:4px;cursor:pointer}" +
              "button:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}";
            var box = document.createElement("section");
            box.className = "box";
            box.setAttribute("role", "alert");
            box.setAttribute("aria-labelledby", "mocpress-title");
            var title = document.createElement("h2");
            title.id = "mocpress-title";
            title.textContent = "Сборка не удалась — показана последняя удачная версия";
            var hint = document.createElement("p");
            hint.textContent = "Исправьте файл и сохраните: страница обновится сама.";
            var list = document.createElement("ol");
            (status.diagnostics || []).forEach(function (d) {
              var item = document.createElement("li");
              item.className = d.severity;
              item.textContent = line(d);
              list.appendChild(item);
            });
            var close = document.createElement("button");
            close.type = "button";
            close.textContent = "×";
            close.setAttribute("aria-label", "Закрыть сообщение об ошибке");
            close.title = "Закрыть";
            close.addEventListener("click", function () { dismissed = status.build; hide(); });
            box.appendChild(close);
            box.appendChild(title);
            box.appendChild(hint);
            box.appendChild(list);
            root.appendChild(style);
            root.appendChild(box);
            (document.body || document.documentElement).appendChild(host);
          }

          function handle(status) {
            if (status.ok) {
              if (status.build > pageBuild) { location.reload(); return; }
              hide();
            } else {
              show(status);
            }
          }

          function connect() {
            if (source || !window.EventSource) { return; }
            source = new EventSource("/__mocpress/events");
            source.onmessage = function (event) {
              try { handle(JSON.parse(event.data)); } catch (e) { /* a torn message: the next one will do */ }
            };
          }

          function disconnect() {
            if (source) { source.close(); source = null; }
          }

          // A browser keeps at most six HTTP/1.1 connections to one host; hidden
          // tabs give theirs back and catch up when shown again.
          document.addEventListener("visibilitychange", function () {
            if (document.hidden) { disconnect(); } else { connect(); }
          });
          document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && host) { dismissed = shown; hide(); }
          });
          if (!document.hidden) { connect(); }
        })();
        """#
}
