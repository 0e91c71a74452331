#!/usr/bin/env python3
"""Accessibility checks of the demo portals in a real browser (issue 7, item 4).

Builds the demo portals with a local base URL, serves them with
``python3 -m http.server`` on 127.0.0.1 and opens one page of every page type
of every portal in headless Chromium, in the normal version and in the
«версия для слабовидящих» (visually-impaired mode), and checks:

* axe-core: no violation of impact «serious» or «critical» (others are listed);
* keyboard: Tab reaches the skip link first, the «версия для слабовидящих»
  switch, the main menu and the content; every element Tab reaches shows a
  focus indicator (an outline or a box-shadow that is not none/transparent,
  outline at least 3:1 against the background behind it); the skip link is
  visible when focused and moves focus to <main>;
* reflow: no horizontal scrolling at 200 % browser zoom of a 1280 px window
  (emulated as a 640 CSS px layout viewport with devicePixelRatio 2, which is
  what Chromium's own zoom does: media queries, rem and vw see 640 px) and on
  a 390 px phone;
* nothing is requested from another host (SPEC; Chromium resolves no host
  name but 127.0.0.1, so nothing leaves the machine either);
* the switch itself (on each portal's home page): the real button opens the
  panel (aria-expanded), the panel's buttons set the mode (aria-pressed, the
  attribute on <html>, localStorage), the mode survives a reload, Escape
  closes the panel, «Обычная версия» resets it.

Screenshots of every page type, desktop (1280 px) and phone (390 px), in both
modes, go to ci-artifacts/screenshots/ (gitignored), the results in JSON to
ci-artifacts/browser-checks.json.

Exit code 0 when every check passed, 1 when one failed, 2 when the checks
could not run (no browser, the build failed, ...).

Usage (from the project root, after installing chromium, chromium-driver,
selenium and axe-selenium-python, see .ci/run):

    python3 ci/browser_checks.py                 # build, serve, check all
    python3 ci/browser_checks.py --portal sosnovsky --type home --type tag
    python3 ci/browser_checks.py --no-screenshots
"""

from __future__ import annotations

import argparse
import atexit
import base64
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

try:
    from axe_selenium_python import Axe
except ImportError:  # pragma: no cover - reported in main()
    Axe = None

ROOT = Path(__file__).resolve().parent.parent

# localStorage key and values of the theme's «версия для слабовидящих»
# (themes/moc/static/js/a11y-init.js and a11y.js).
A11Y_KEY = "mocpress-a11y"

# The modes every page is checked in. «vi» is the visually-impaired version
# as a visitor sets it: black on white, large type, images off, wide spacing,
# the settings panel open. The other two colour schemes of the panel are
# checked with axe on every page too («vi-wb», «vi-blue»), without the
# screenshots and keyboard walk, to keep the run short.
MODES = {
    "normal": {"label": "обычная версия", "storage": None, "full": True},
    "vi": {
        "label": "версия для слабовидящих (чёрным по белому, крупный шрифт, без изображений)",
        "storage": {"font": "large", "scheme": "bw", "images": "off", "spacing": "wide", "panel": "open"},
        "full": True,
    },
    "vi-wb": {
        "label": "версия для слабовидящих (белым по чёрному, очень крупный шрифт)",
        "storage": {"font": "huge", "scheme": "wb", "images": "on", "spacing": "normal", "panel": "open"},
        "full": False,
    },
    "vi-blue": {
        "label": "версия для слабовидящих (тёмно-синим по голубому, большой интервал)",
        "storage": {"font": "large", "scheme": "blue", "images": "off", "spacing": "wider", "panel": "closed"},
        "full": False,
    },
}

DESKTOP = (1280, 900)
PHONE = (390, 844)
# 200 % zoom of a 1280 × 800 window: the page lays out in 640 × 400 CSS px,
# drawn at 2 device pixels per CSS px.
ZOOM = {"width": 640, "height": 400, "deviceScaleFactor": 2, "mobile": False}
MAX_SHOT_HEIGHT = 7000  # CSS px; longer pages are cut (tag index, long lists)
MAX_TABS = 400

IMPACT_FAIL = {"serious", "critical"}
# Rules axe-core 4.10 has but does not run by default, turned on here: WCAG
# 2.2 target size (2.5.8) and the experimental ones that fit a content site.
AXE_EXTRA_RULES = {rule: {"enabled": True} for rule in (
    "target-size", "label-content-name-mismatch", "p-as-heading", "css-orientation-lock",
    "table-fake-caption", "td-has-header", "identical-links-same-purpose",
)}


# ---------------------------------------------------------------- page types

@dataclass
class PageType:
    key: str
    title: str
    match: object  # callable(rel_path, body_class, html) -> bool


def _has(cls: str, *names: str) -> bool:
    parts = cls.split()
    return all(n in parts for n in names)


PAGE_TYPES = [
    PageType("home", "главная", lambda p, c, h: _has(c, "page-home")),
    PageType("section", "раздел (список)", lambda p, c, h: _has(c, "page-section", "block-info") and "/page/" not in p),
    PageType("page", "обычная страница", lambda p, c, h: _has(c, "page-page", "block-info")),
    PageType("publication", "публикация (новость)", lambda p, c, h: _has(c, "page-publication")),
    PageType("paginated", "список, страница 2", lambda p, c, h: re.search(r"/page/2/index\.html$", p) is not None),
    PageType("tag", "страница тега", lambda p, c, h: _has(c, "page-tag")),
    PageType("tags", "все теги", lambda p, c, h: _has(c, "page-tags")),
    PageType("events", "мероприятия", lambda p, c, h: _has(c, "page-events")),
    PageType("events-month", "мероприятия месяца", lambda p, c, h: _has(c, "page-listing--events")),
    PageType("event", "мероприятие", lambda p, c, h: _has(c, "page-event") and "is-past" not in c.split()),
    PageType("documents", "пакет документов", lambda p, c, h: _has(c, "page-documents")),
    PageType("act", "документ (акт)", lambda p, c, h: _has(c, "page-act")),
    PageType("mediaplan", "медиаплан", lambda p, c, h: _has(c, "page-plan") and "/mediaplan/" in p),
    PageType("workplan", "план работы", lambda p, c, h: _has(c, "page-plan") and "/workplan/" in p),
    PageType("analytics", "аналитика (графики, таблицы)", lambda p, c, h: _has(c, "block-expert") and 'class="chart ' in h and "<table" in h),
    PageType("course", "курс", lambda p, c, h: _has(c, "page-course")),
    PageType("lesson", "урок", lambda p, c, h: _has(c, "page-lesson") and "video" in h),
    PageType("bank", "методический банк", lambda p, c, h: _has(c, "page-section", "block-methodical") and 'class="filters"' in h),
    PageType("material", "методический материал", lambda p, c, h: _has(c, "page-material")),
    PageType("404", "страница 404", lambda p, c, h: p.endswith("/404.html")),
]

BODY_CLASS = re.compile(r'<body class="([^"]*)"')


def discover(site: Path, portals: list[str]) -> list[tuple[str, PageType, str]]:
    """One page of each type per portal: (portal, type, path under site/)."""
    found = []
    for portal in portals:
        files = sorted(p.relative_to(site).as_posix() for p in (site / portal).rglob("*.html"))
        # shallow pages first: a block's top list rather than a sub-list
        files.sort(key=lambda p: (p.count("/"), p))
        chosen: dict[str, str] = {}
        for rel in files:
            text = (site / rel).read_text(encoding="utf-8")
            m = BODY_CLASS.search(text)
            if not m:
                continue  # alias redirects have no layout
            cls = m.group(1)
            for t in PAGE_TYPES:
                if t.key not in chosen and t.match("/" + rel, cls, text):
                    chosen[t.key] = rel
        for t in PAGE_TYPES:
            if t.key in chosen:
                found.append((portal, t, chosen[t.key]))
    return found


# ---------------------------------------------------------------- server

def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """python3 -m http.server on 127.0.0.1, stopped however the script ends."""

    def __init__(self, directory: Path, port: int, log: Path):
        self.directory, self.port, self.log = directory, port, log
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        logf = open(self.log, "wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(self.port), "--bind", "127.0.0.1",
             "--directory", str(self.directory)],
            stdout=logf, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        atexit.register(self.stop)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"http.server exited with {self.proc.returncode}; see {self.log}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=2):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"http.server did not answer on 127.0.0.1:{self.port} in 15 s")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        self.proc = None


# ---------------------------------------------------------------- browser

def start_browser() -> webdriver.Chrome:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver_bin = shutil.which("chromedriver")
    if not chromium or not driver_bin:
        raise RuntimeError("chromium and chromedriver are needed: apt-get install chromium chromium-driver")
    opts = Options()
    opts.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-extensions", "--no-first-run", "--lang=ru-RU",
                "--hide-scrollbars",  # screenshots without a scrollbar; scrollWidth is measured all the same
                "--force-color-profile=srgb", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--metrics-recording-only",
                "--no-pings", "--disable-domain-reliability", "--disable-client-side-phishing-detection",
                "--disable-features=Translate,OptimizationHints,MediaRouter",
                # nothing leaves the machine: every host name but the local
                # server's address fails without a DNS query
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                f"--window-size={DESKTOP[0]},{DESKTOP[1]}"):
        opts.add_argument(arg)
    opts.page_load_strategy = "normal"
    # no Selenium Manager: the Debian driver is given, nothing is downloaded
    os.environ.setdefault("SE_AVOID_STATS", "true")
    service = Service(executable_path=driver_bin, log_output=subprocess.DEVNULL)
    driver = webdriver.Chrome(service=service, options=opts)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def set_viewport(driver, width: int, height: int, scale: float = 1, mobile: bool = False) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": mobile})


def reset_viewport(driver) -> None:
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    set_viewport(driver, *DESKTOP)


def load(driver, url: str) -> None:
    driver.get(url)
    driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "(document.fonts ? document.fonts.ready : Promise.resolve()).then(function () {"
        "  requestAnimationFrame(function () { requestAnimationFrame(function () { done(true); }); });"
        "});")


def screenshot(driver, path: Path) -> None:
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    vp = metrics.get("cssLayoutViewport") or metrics["layoutViewport"]
    width = vp["clientWidth"]
    height = min(size["height"], MAX_SHOT_HEIGHT)
    data = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True, "optimizeForSpeed": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
    })["data"]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(data))


# JavaScript helpers run in the page ------------------------------------------

JS_HELPERS = r"""
window.__ci = window.__ci || {};
__ci.path = function (el) {
  if (!el || el.nodeType !== 1) return String(el);
  var parts = [];
  while (el && el.nodeType === 1 && parts.length < 6) {
    var s = el.tagName.toLowerCase();
    if (el.id) { parts.unshift(s + "#" + el.id); break; }
    var cls = (el.getAttribute("class") || "").trim().split(/\s+/).filter(Boolean).slice(0, 2);
    if (cls.length) s += "." + cls.join(".");
    var p = el.parentElement;
    if (p) {
      var same = Array.prototype.filter.call(p.children, function (c) { return c.tagName === el.tagName; });
      if (same.length > 1) s += ":nth-of-type(" + (same.indexOf(el) + 1) + ")";
    }
    parts.unshift(s);
    el = p;
  }
  return parts.join(" > ");
};
/* any CSS colour (rgb, oklch, color-mix results...) as sRGB 0-255 + alpha, via a canvas pixel */
__ci.rgba = function (c) {
  if (!c) return null;
  if (!__ci.ctx) {
    var cv = document.createElement("canvas");
    cv.width = cv.height = 1;
    __ci.ctx = cv.getContext("2d", { willReadFrequently: true });
  }
  var ctx = __ci.ctx;
  ctx.clearRect(0, 0, 1, 1);
  ctx.fillStyle = "rgba(0, 0, 0, 0)";
  ctx.fillStyle = c;
  ctx.fillRect(0, 0, 1, 1);
  var d = ctx.getImageData(0, 0, 1, 1).data;
  return { r: d[0], g: d[1], b: d[2], a: d[3] / 255 };
};
__ci.lum = function (c) {
  function ch(x) { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); }
  return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
};
__ci.contrast = function (a, b) {
  var la = __ci.lum(a), lb = __ci.lum(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
};
/* the colour behind an element: the first opaque background up the tree */
__ci.bgBehind = function (el) {
  var layers = [];
  for (var e = el; e && e.nodeType === 1; e = e.parentElement) {
    var c = __ci.rgba(getComputedStyle(e).backgroundColor);
    if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
  }
  var out = { r: 255, g: 255, b: 255 };
  for (var i = layers.length - 1; i >= 0; i--) {
    var l = layers[i];
    out = { r: l.r * l.a + out.r * (1 - l.a), g: l.g * l.a + out.g * (1 - l.a), b: l.b * l.a + out.b * (1 - l.a) };
  }
  return out;
};
__ci.style = function (el) {
  var cs = getComputedStyle(el);
  return { outlineStyle: cs.outlineStyle, outlineWidth: cs.outlineWidth, outlineColor: cs.outlineColor,
           boxShadow: cs.boxShadow };
};
__ci.tabbables = function () {
  var sel = "a[href], area[href], button, input:not([type=hidden]), select, textarea, iframe, summary, audio[controls], video[controls], [tabindex], [contenteditable]";
  return Array.prototype.filter.call(document.querySelectorAll(sel), function (el) {
    if (el.disabled) return false;
    var ti = el.getAttribute("tabindex");
    if (ti !== null && parseInt(ti, 10) < 0) return false;
    return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  });
};
__ci.recordFocus = function () {
  var rest = new Map();
  __ci.tabbables().forEach(function (el) { rest.set(el, __ci.style(el)); });
  window.__focusLog = [];
  document.addEventListener("focusin", function (e) {
    var el = e.target, cs = getComputedStyle(el), r = el.getBoundingClientRect();
    var now = __ci.style(el), before = rest.get(el) || {};
    var oc = __ci.rgba(cs.outlineColor);
    var hasOutline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0 && oc && oc.a > 0;
    var shadowColours = (cs.boxShadow.match(/(rgba?|oklch|oklab|lab|lch|color|hsla?)\([^)]*\)/g) || []).map(__ci.rgba);
    var hasShadow = cs.boxShadow !== "none" && shadowColours.some(function (c) { return c && c.a > 0; })
                    && cs.boxShadow !== before.boxShadow;
    var ratio = null;
    if (hasOutline) ratio = __ci.contrast(oc, __ci.bgBehind(el.parentElement || el));
    window.__focusLog.push({
      path: __ci.path(el),
      html: el.outerHTML.slice(0, 160),
      text: (el.getAttribute("aria-label") || el.textContent || "").replace(/\s+/g, " ").trim().slice(0, 60),
      focusVisible: el.matches(":focus-visible"),
      outline: cs.outlineStyle + " " + cs.outlineWidth + " " + cs.outlineColor,
      boxShadow: cs.boxShadow,
      hasOutline: !!hasOutline, hasShadow: !!hasShadow, ratio: ratio,
      size: [Math.round(r.width), Math.round(r.height)],
      rect: [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)],
      visible: r.width > 10 && r.height > 10 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight
               && cs.opacity !== "0" && cs.visibility !== "hidden" && cs.clipPath === "none"
               && !/rect\(0px,? 0px,? 0px,? 0px\)/.test(cs.clip),
      isSkip: el.matches(".skip-link"),
      isSwitch: el.matches(".a11y-toggle"),
      inMenu: !!el.closest(".main-nav"),
      inMain: !!el.closest("main"),
      inPanel: !!el.closest(".a11y-panel")
    });
  }, true);
  return rest.size;
};
/* outermost elements that stick out to the right of the viewport */
__ci.overflow = function () {
  var de = document.documentElement, vw = de.clientWidth;
  var res = { scrollWidth: de.scrollWidth, clientWidth: vw, bodyScrollWidth: document.body.scrollWidth, culprits: [] };
  if (de.scrollWidth <= vw + 1) return res;
  function clipped(el) {
    for (var p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      var ox = getComputedStyle(p).overflowX;
      if (ox === "auto" || ox === "scroll" || ox === "hidden" || ox === "clip") return true;
    }
    return false;
  }
  var all = document.body.querySelectorAll("*");
  for (var i = 0; i < all.length; i++) {
    var el = all[i], r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= vw + 1 || clipped(el)) continue;
    var parent = el.parentElement, pr = parent ? parent.getBoundingClientRect() : null;
    if (parent && parent !== document.body && pr.right > vw + 1 && !clipped(parent)) continue;
    res.culprits.push({ path: __ci.path(el), right: Math.round(r.right), width: Math.round(r.width),
                        html: el.outerHTML.slice(0, 140) });
    if (res.culprits.length >= 8) break;
  }
  return res;
};
"""


# ---------------------------------------------------------------- checks

@dataclass
class Result:
    portal: str
    type: str
    title: str
    path: str
    mode: str
    failures: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    axe: dict = field(default_factory=dict)


def fail(res: Result, check: str, rule: str, element: str, detail: str = "") -> None:
    res.failures.append({"check": check, "rule": rule, "element": element, "detail": detail})


def set_mode(driver, base: str, mode: str) -> None:
    """Writes the theme's localStorage key (one origin serves every portal)."""
    driver.get(base)
    storage = MODES[mode]["storage"]
    if storage is None:
        driver.execute_script("localStorage.removeItem(arguments[0]);", A11Y_KEY)
    else:
        driver.execute_script("localStorage.setItem(arguments[0], arguments[1]);", A11Y_KEY, json.dumps(storage))


def check_mode_applied(driver, res: Result, mode: str) -> None:
    state = driver.execute_script(
        "var d = document.documentElement; return {lang: d.lang, font: d.getAttribute('data-a11y-font'),"
        " scheme: d.getAttribute('data-a11y-scheme'), images: d.getAttribute('data-a11y-images'),"
        " panel: d.getAttribute('data-a11y-panel'), js: d.classList.contains('js')};")
    if state["lang"] != "ru":
        fail(res, "lang", "html-lang-ru", "html", f"lang={state['lang']!r}")
    storage = MODES[mode]["storage"]
    if storage and (state["scheme"] != storage["scheme"] or state["font"] != storage["font"]):
        fail(res, "mode", "a11y-mode-applied", "html",
             f"ожидались data-a11y-scheme={storage['scheme']} data-a11y-font={storage['font']}, есть {state}")
    if not storage and (state["scheme"] or state["font"]):
        fail(res, "mode", "a11y-mode-applied", "html", f"обычная версия, но {state}")


def check_same_origin(driver, res: Result) -> None:
    """SPEC: no page loads anything from another host (fonts, scripts, styles)."""
    foreign = driver.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
        ".filter(function (u) { return !/^(https?:\\/\\/127\\.0\\.0\\.1[:/]|data:|blob:)/.test(u); });")
    for url in foreign:
        fail(res, "privacy", "no-foreign-requests", url, "страница обращается к другому сайту")


def run_axe(driver, res: Result) -> None:
    axe = Axe(driver)
    axe.inject()
    out = axe.run(options=json.dumps({"resultTypes": ["violations"], "rules": AXE_EXTRA_RULES}))
    counts = {"critical": 0, "serious": 0, "moderate": 0, "minor": 0}
    for v in out.get("violations", []):
        impact = v.get("impact") or "minor"
        counts[impact] = counts.get(impact, 0) + len(v["nodes"])
        for node in v["nodes"]:
            target = " ".join(str(t) for t in node.get("target", []))
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            entry = {"check": "axe", "rule": f"{v['id']} ({impact})", "element": target,
                     "detail": f"{v['help']}. {summary} HTML: {node.get('html', '')[:200]}"}
            if impact in IMPACT_FAIL:
                res.failures.append(entry)
            else:
                res.notes.append(entry)
    incomplete = [v for v in out.get("incomplete", []) if v.get("impact") in IMPACT_FAIL]
    counts["incomplete"] = sum(len(v["nodes"]) for v in incomplete)
    for v in incomplete:
        for node in v["nodes"]:
            res.notes.append({"check": "axe-incomplete", "rule": f"{v['id']} ({v.get('impact')})",
                              "element": " ".join(str(t) for t in node.get("target", [])),
                              "detail": (node.get("failureSummary") or v["help"]).replace("\n", " ")})
    res.axe = counts


def check_keyboard(driver, res: Result) -> None:
    count = driver.execute_script(JS_HELPERS + "return __ci.recordFocus();")
    presses = min(count + 2, MAX_TABS)
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    chain = ActionChains(driver, duration=0)
    for _ in range(presses):
        chain.send_keys(Keys.TAB)
    chain.perform()
    log = driver.execute_script("return window.__focusLog || [];")
    if not log:
        fail(res, "keyboard", "tab-reaches-anything", "body", "Tab не переводит фокус ни на один элемент")
        return
    seen = set()
    for stop in log:
        if stop["path"] in seen:
            continue
        seen.add(stop["path"])
        if not stop["hasOutline"] and not stop["hasShadow"]:
            fail(res, "focus-visible", "focus-indicator", stop["path"],
                 f"нет видимого фокуса: outline «{stop['outline']}», box-shadow «{stop['boxShadow']}»; {stop['html']}")
        elif stop["hasOutline"] and not stop["hasShadow"] and stop["ratio"] is not None and stop["ratio"] < 3:
            fail(res, "focus-visible", "focus-indicator-contrast", stop["path"],
                 f"контраст рамки фокуса с фоном {stop['ratio']:.2f}:1 < 3:1 ({stop['outline']})")
        if not stop["focusVisible"]:
            res.notes.append({"check": "focus-visible", "rule": "not-focus-visible", "element": stop["path"],
                              "detail": "элемент получил фокус с клавиатуры, но не :focus-visible"})
    if not log[0]["isSkip"]:
        fail(res, "keyboard", "skip-link-first", log[0]["path"], "первый Tab должен попадать на ссылку «Перейти к содержимому»")
    if not any(s["isSwitch"] for s in log):
        fail(res, "keyboard", "tab-reaches-a11y-switch", ".a11y-toggle", "Tab не доходит до кнопки «Версия для слабовидящих»")
    if not any(s["inMenu"] for s in log):
        fail(res, "keyboard", "tab-reaches-menu", "nav.main-nav", "Tab не доходит до главного меню")
    has_content_focusables = driver.execute_script(
        "return __ci.tabbables().some(function (el) { return !!el.closest('main'); });")
    if has_content_focusables and not any(s["inMain"] for s in log):
        fail(res, "keyboard", "tab-reaches-content", "main", "Tab не доходит до содержимого (main)")
    res.notes.append({"check": "keyboard", "rule": "tab-stops", "element": "", "detail": f"{len(log)} остановок Tab"})

    # the skip link: visible when focused (seen at the first Tab), Enter
    # moves focus to <main>, the next Tab stays in the content
    skip = log[0]
    if not skip["isSkip"]:
        return  # reported above
    if not skip["visible"]:
        fail(res, "keyboard", "skip-link-visible", ".skip-link", f"ссылка не видна в фокусе: {skip['rect']}")
    driver.execute_script("document.querySelector('.skip-link').focus();")
    ActionChains(driver, duration=0).send_keys(Keys.ENTER).perform()
    time.sleep(0.05)
    after = driver.execute_script("var a = document.activeElement; return {id: a.id, tag: a.tagName};")
    if after["id"] != "main":
        fail(res, "keyboard", "skip-link-target", ".skip-link",
             f"после Enter фокус на {after['tag']}#{after['id']}, а не на main#main")
    elif has_content_focusables:
        ActionChains(driver, duration=0).send_keys(Keys.TAB).perform()
        inside = driver.execute_script("return !!document.activeElement.closest('main');")
        if not inside:
            fail(res, "keyboard", "skip-link-then-tab", "main#main",
                 "после ссылки «Перейти к содержимому» Tab уходит из содержимого")


def check_overflow(driver, res: Result, what: str) -> dict:
    info = driver.execute_script(JS_HELPERS + "return __ci.overflow();")
    if info["scrollWidth"] > info["clientWidth"] + 1:
        culprits = info["culprits"] or [{"path": "html", "right": info["scrollWidth"], "width": 0, "html": ""}]
        for c in culprits:
            fail(res, "reflow", f"no-horizontal-scroll-{what}", c["path"],
                 f"ширина страницы {info['scrollWidth']} > {info['clientWidth']} CSS px; правый край элемента {c['right']}; {c['html']}")
    return info


def check_switch(driver, base: str, portal: str) -> Result:
    """The real «Версия для слабовидящих» button and panel, from the normal version."""
    res = Result(portal, "switch", "кнопка «Версия для слабовидящих»", base, "switch")
    driver.get(base)
    driver.execute_script("localStorage.removeItem(arguments[0]);", A11Y_KEY)
    load(driver, base)
    toggle = driver.find_element("css selector", ".a11y-toggle")
    if toggle.get_attribute("aria-expanded") != "false":
        fail(res, "switch", "aria-expanded", ".a11y-toggle", "панель закрыта, но aria-expanded не false")
    toggle.click()
    st = driver.execute_script(
        "var p = document.getElementById('a11y-panel');"
        "return {expanded: document.querySelector('.a11y-toggle').getAttribute('aria-expanded'),"
        " shown: p && p.getClientRects().length > 0, focusInPanel: !!document.activeElement.closest('#a11y-panel')};")
    if st["expanded"] != "true" or not st["shown"]:
        fail(res, "switch", "opens-panel", ".a11y-toggle", f"после нажатия: {st}")
    if not st["focusInPanel"]:
        fail(res, "switch", "focus-to-panel", "#a11y-panel", "после открытия фокус не в панели")
    driver.find_element("css selector", '#a11y-panel [data-a11y="scheme"][data-value="wb"]').click()
    driver.find_element("css selector", '#a11y-panel [data-a11y="font"][data-value="large"]').click()
    st = driver.execute_script(
        "var d = document.documentElement;"
        "return {scheme: d.getAttribute('data-a11y-scheme'), font: d.getAttribute('data-a11y-font'),"
        " pressed: Array.prototype.map.call(document.querySelectorAll('#a11y-panel [data-a11y=scheme]'),"
        "   function (b) { return b.getAttribute('data-value') + '=' + b.getAttribute('aria-pressed'); }).join(' '),"
        " saved: localStorage.getItem(arguments[0])};", A11Y_KEY)
    if st["scheme"] != "wb" or st["font"] != "large":
        fail(res, "switch", "mode-on", "html", f"режим не включился: {st}")
    if st["pressed"] != "normal=false bw=false wb=true blue=false":
        fail(res, "switch", "aria-pressed", "#a11y-panel [data-a11y=scheme]", st["pressed"])
    if not st["saved"] or json.loads(st["saved"]).get("scheme") != "wb":
        fail(res, "switch", "saved", "localStorage", f"{A11Y_KEY}={st['saved']!r}")
    load(driver, driver.current_url)
    st = driver.execute_script(
        "var d = document.documentElement; return {scheme: d.getAttribute('data-a11y-scheme'),"
        " expanded: document.querySelector('.a11y-toggle').getAttribute('aria-expanded')};")
    if st["scheme"] != "wb" or st["expanded"] != "true":
        fail(res, "switch", "survives-reload", "html", f"после перезагрузки: {st}")
    driver.find_element("css selector", '#a11y-panel [data-a11y="font"][data-value="large"]').send_keys(Keys.ESCAPE)
    st = driver.execute_script(
        "return {expanded: document.querySelector('.a11y-toggle').getAttribute('aria-expanded'),"
        " shown: document.getElementById('a11y-panel').getClientRects().length > 0,"
        " focus: document.activeElement.className};")
    if st["expanded"] != "false" or st["shown"] or "a11y-toggle" not in st["focus"]:
        fail(res, "switch", "escape-closes", "#a11y-panel", f"после Escape: {st}")
    driver.find_element("css selector", ".a11y-toggle").click()
    driver.find_element("css selector", '#a11y-panel [data-a11y="reset"]').click()
    st = driver.execute_script(
        "var d = document.documentElement; return {scheme: d.getAttribute('data-a11y-scheme'),"
        " font: d.getAttribute('data-a11y-font'), saved: localStorage.getItem(arguments[0])};", A11Y_KEY)
    if st["scheme"] or st["font"] or st["saved"]:
        fail(res, "switch", "reset", ".a11y-btn--reset", f"после «Обычная версия»: {st}")
    return res


def check_phone_menu(driver, res: Result) -> None:
    """On a phone the menu is behind the «Меню» button: Enter on it opens the
    menu (aria-expanded) and the next Tab goes into the menu."""
    toggle = driver.execute_script(
        "var t = document.querySelector('.menu-toggle'); if (!t) return null;"
        "return {shown: t.getClientRects().length > 0, expanded: t.getAttribute('aria-expanded')};")
    if not toggle or not toggle["shown"]:
        fail(res, "keyboard", "phone-menu-toggle", ".menu-toggle", "на телефоне нет кнопки «Меню»")
        return
    driver.execute_script("document.querySelector('.menu-toggle').focus();")
    ActionChains(driver, duration=0).send_keys(Keys.ENTER).perform()
    st = driver.execute_script(
        "var t = document.querySelector('.menu-toggle'), a = document.querySelector('#main-menu a');"
        "return {expanded: t.getAttribute('aria-expanded'), linkShown: !!a && a.getClientRects().length > 0};")
    if st["expanded"] != "true" or not st["linkShown"]:
        fail(res, "keyboard", "phone-menu-opens", ".menu-toggle", f"после Enter: {st}")
    ActionChains(driver, duration=0).send_keys(Keys.TAB).perform()
    inside = driver.execute_script("return !!document.activeElement.closest('#main-menu');")
    if not inside:
        fail(res, "keyboard", "phone-menu-tab", "#main-menu", "после открытия меню Tab не попадает в меню")


def check_page(driver, base_url: str, portal: str, ptype: PageType, rel: str, mode: str,
               shots: Path | None) -> Result:
    url = base_url + rel[len(portal) + 1:].removesuffix("index.html")
    res = Result(portal, ptype.key, ptype.title, url, mode)
    reset_viewport(driver)
    load(driver, url)
    check_mode_applied(driver, res, mode)
    check_same_origin(driver, res)
    run_axe(driver, res)
    full = MODES[mode]["full"]
    if full and shots:
        screenshot(driver, shots / f"{portal}--{ptype.key}--{mode}--desktop.png")
    # 200 % zoom of a 1280 px window
    set_viewport(driver, ZOOM["width"], ZOOM["height"], ZOOM["deviceScaleFactor"], ZOOM["mobile"])
    info = check_overflow(driver, res, "200%")
    if info["scrollWidth"] > info["clientWidth"] + 1 and shots:
        screenshot(driver, shots / f"{portal}--{ptype.key}--{mode}--zoom200-FAIL.png")
    if full:
        set_viewport(driver, PHONE[0], PHONE[1], 1, True)
        check_overflow(driver, res, "390px")
        if shots:
            screenshot(driver, shots / f"{portal}--{ptype.key}--{mode}--phone.png")
        # nothing has had focus on this page yet: the first Tab starts at the top
        reset_viewport(driver)
        check_keyboard(driver, res)
        if ptype.key == "home":
            set_viewport(driver, PHONE[0], PHONE[1], 1, True)
            check_phone_menu(driver, res)
    reset_viewport(driver)
    return res


# ---------------------------------------------------------------- main

def build_site(out: Path, port: int, mocpress: list[str]) -> None:
    if out.exists():
        shutil.rmtree(out)
    cmd = mocpress + ["build", "--base-url", f"http://127.0.0.1:{port}/{{portal}}/", "--output", str(out)]
    print("==", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=ROOT, check=True, env={**os.environ, "CI": "true"})


def print_failure(res: Result, f: dict) -> None:
    print(f"  ОШИБКА [{res.portal}/{res.type}, {MODES.get(res.mode, {}).get('label', res.mode)}] {res.path}\n"
          f"    проверка: {f['check']}; правило: {f['rule']}; элемент: {f['element']}\n"
          f"    {f['detail']}", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", type=Path, help="a site already built for http://127.0.0.1:PORT/{portal}/ (needs --port)")
    ap.add_argument("--port", type=int, default=0, help="port for http.server (default: a free one)")
    ap.add_argument("--out", type=Path, default=ROOT / "ci-artifacts", help="artefacts folder (default ci-artifacts/)")
    ap.add_argument("--mocpress", default="swift run mocpress", help="command that runs mocpress (default: swift run mocpress)")
    ap.add_argument("--portal", action="append", help="only this portal (repeatable)")
    ap.add_argument("--type", action="append", help="only this page type (repeatable): " + ", ".join(t.key for t in PAGE_TYPES))
    ap.add_argument("--mode", action="append", choices=list(MODES), help="only this mode (repeatable)")
    ap.add_argument("--no-screenshots", action="store_true")
    ap.add_argument("--time-limit", type=int, default=900,
                    help="stop (exit code 2) after this many seconds in all (default 900)")
    args = ap.parse_args()

    if Axe is None:
        print("нет пакета axe-selenium-python: pip install axe-selenium-python", file=sys.stderr)
        return 2
    if args.site and not args.port:
        print("--site needs --port (the port the site was built for)", file=sys.stderr)
        return 2

    started = time.monotonic()
    out = args.out.resolve()
    shots = None if args.no_screenshots else out / "screenshots"
    if shots and shots.exists():
        shutil.rmtree(shots)
    port = args.port or free_port()
    site = args.site.resolve() if args.site else out / "site-local"
    if not args.site:
        try:
            build_site(site, port, args.mocpress.split())
        except subprocess.CalledProcessError as e:
            print(f"сборка не удалась: {e}", file=sys.stderr)
            return 2
    portals = sorted(p.name for p in site.iterdir() if (p / "index.html").exists())
    if args.portal:
        portals = [p for p in portals if p in args.portal]
    pages = discover(site, portals)
    if args.type:
        pages = [p for p in pages if p[1].key in args.type]
    else:
        missing = [t.key for t in PAGE_TYPES if not any(p[1].key == t.key for p in pages)]
        if missing:
            print(f"в собранных порталах нет страниц типов: {', '.join(missing)}", file=sys.stderr)
            return 2
    modes = args.mode or list(MODES)

    server = Server(site, port, out / "http-server.log")
    driver = None

    def on_signal(signum, frame):
        raise KeyboardInterrupt("time limit" if signum == signal.SIGALRM else f"signal {signum}")
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGALRM, on_signal)
    signal.alarm(args.time_limit)

    results: list[Result] = []
    try:
        server.start()
        driver = start_browser()
        print(f"== {len(pages)} страниц ({len(portals)} портала) × {len(modes)} режима, "
              f"http://127.0.0.1:{port}/; масштаб 200 %: окно {ZOOM['width']} CSS px при devicePixelRatio "
              f"{ZOOM['deviceScaleFactor']}; телефон: {PHONE[0]} px", flush=True)
        for portal in portals:
            if not args.type or "home" in args.type:
                r = check_switch(driver, f"http://127.0.0.1:{port}/{portal}/", portal)
                results.append(r)
                for f in r.failures:
                    print_failure(r, f)
        for mode in modes:
            set_mode(driver, f"http://127.0.0.1:{port}/{portals[0]}/", mode)
            print(f"-- режим {mode}: {MODES[mode]['label']}", flush=True)
            for portal, ptype, rel in pages:
                base_url = f"http://127.0.0.1:{port}/{portal}/"
                t0 = time.monotonic()
                try:
                    r = check_page(driver, base_url, portal, ptype, rel, mode, shots)
                except (TimeoutException, WebDriverException) as e:
                    r = Result(portal, ptype.key, ptype.title, base_url + rel, mode)
                    fail(r, "browser", type(e).__name__, "", str(e).splitlines()[0] if str(e) else "")
                results.append(r)
                status = "ok" if not r.failures else f"{len(r.failures)} ошибок"
                axe = r.axe
                print(f"   {portal:15} {ptype.key:13} axe: critical {axe.get('critical', 0)}, serious {axe.get('serious', 0)}, "
                      f"moderate {axe.get('moderate', 0)}, minor {axe.get('minor', 0)}, incomplete {axe.get('incomplete', 0)}  {status}  "
                      f"({time.monotonic() - t0:.1f} с)", flush=True)
                for f in r.failures:
                    print_failure(r, f)
    except KeyboardInterrupt as e:
        print(f"прервано ({e or 'Ctrl+C'})", file=sys.stderr)
        return 2
    finally:
        signal.alarm(0)
        if driver is not None:
            try:
                driver.quit()
            except Exception:
                pass
        server.stop()

    out.mkdir(parents=True, exist_ok=True)
    (out / "browser-checks.json").write_text(
        json.dumps([r.__dict__ for r in results], ensure_ascii=False, indent=1), encoding="utf-8")
    failed = [r for r in results if r.failures]
    n_fail = sum(len(r.failures) for r in results)
    by_mode = {}
    for r in results:
        if r.mode not in MODES:
            continue
        m = by_mode.setdefault(r.mode, {"pages": 0, "critical": 0, "serious": 0, "moderate": 0, "minor": 0, "incomplete": 0})
        m["pages"] += 1
        for k in ("critical", "serious", "moderate", "minor", "incomplete"):
            m[k] += r.axe.get(k, 0)
    print("== итог по режимам (узлы с нарушениями axe):")
    for mode, m in by_mode.items():
        print(f"   {mode:10} страниц {m['pages']:3}: critical {m['critical']}, serious {m['serious']}, "
              f"moderate {m['moderate']}, minor {m['minor']}; не определено (incomplete) {m['incomplete']}")
    if shots:
        print(f"== скриншоты: {shots.relative_to(ROOT) if shots.is_relative_to(ROOT) else shots}")
    print(f"== {n_fail} ошибок за {time.monotonic() - started:.0f} с")
    print(f"browser: {len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
