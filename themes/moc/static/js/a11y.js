/*
 * mocpress theme «moc»: «Версия для слабовидящих» (ГОСТ Р 52872-2019),
 * the phone menu toggle and scrollable tables.
 *
 * Settings live in localStorage ("mocpress-a11y") and become attributes on
 * <html>: data-a11y-font, data-a11y-scheme, data-a11y-images,
 * data-a11y-spacing (absent = normal), data-a11y-panel="open".
 * a11y-init.js applies them before the first paint; theme.css styles them.
 * Without JavaScript the site is the normal version and the menu is open.
 */
(function () {
  "use strict";

  var KEY = "mocpress-a11y";
  var root = document.documentElement;
  var OPTIONS = {
    font: ["normal", "large", "huge"],
    scheme: ["normal", "bw", "wb", "blue"],
    images: ["on", "off"],
    spacing: ["normal", "wide", "wider"]
  };
  var DEFAULTS = { font: "normal", scheme: "normal", images: "on", spacing: "normal" };
  var MESSAGES = {
    font: { normal: "Обычный размер шрифта", large: "Крупный шрифт", huge: "Очень крупный шрифт" },
    scheme: {
      normal: "Обычные цвета сайта",
      bw: "Цветовая схема: чёрным по белому",
      wb: "Цветовая схема: белым по чёрному",
      blue: "Цветовая схема: тёмно-синим по голубому"
    },
    images: { on: "Изображения показываются", off: "Изображения скрыты" },
    spacing: { normal: "Обычный интервал между буквами", wide: "Увеличенный интервал между буквами", wider: "Большой интервал между буквами" }
  };

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function has(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }

  function load() {
    var saved = {};
    try { saved = JSON.parse(window.localStorage.getItem(KEY) || "{}") || {}; } catch (e) { saved = {}; }
    var state = {};
    for (var k in DEFAULTS) {
      if (has(DEFAULTS, k)) {
        state[k] = OPTIONS[k].indexOf(saved[k]) >= 0 ? saved[k] : DEFAULTS[k];
      }
    }
    state.panel = saved.panel === "closed" ? "closed" : "open";
    return state;
  }

  function save(state) {
    try {
      if (isNormal(state)) window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, JSON.stringify(state));
    } catch (e) { /* private mode: settings last for this page only */ }
  }

  function isNormal(state) {
    for (var k in DEFAULTS) {
      if (has(DEFAULTS, k) && state[k] !== DEFAULTS[k]) return false;
    }
    return true;
  }

  var state = load();
  var toggle = document.querySelector(".a11y-toggle");
  var panel = document.getElementById("a11y-panel");
  var live = null;

  function announce(text) {
    if (!live) {
      live = document.createElement("div");
      live.className = "visually-hidden";
      live.setAttribute("role", "status");
      live.setAttribute("aria-live", "polite");
      document.body.appendChild(live);
    }
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 50);
  }

  /* Images off: put the alt text of each image next to it (shown by CSS). */
  function addAltTexts() {
    each(document.querySelectorAll("img"), function (img) {
      var next = img.nextElementSibling;
      if (next && next.classList.contains("a11y-alt")) return;
      var alt = (img.getAttribute("alt") || "").trim();
      if (!alt) return;
      var span = document.createElement("span");
      span.className = "a11y-alt";
      span.setAttribute("aria-hidden", "true"); /* the img alt is already read */
      span.textContent = alt;
      img.insertAdjacentElement("afterend", span);
    });
  }

  function setPanel(open) {
    if (open) root.setAttribute("data-a11y-panel", "open");
    else root.removeAttribute("data-a11y-panel");
    if (toggle) toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function apply() {
    for (var k in DEFAULTS) {
      if (!has(DEFAULTS, k)) continue;
      if (state[k] === DEFAULTS[k]) root.removeAttribute("data-a11y-" + k);
      else root.setAttribute("data-a11y-" + k, state[k]);
    }
    if (panel) {
      each(panel.querySelectorAll("[data-a11y][data-value]"), function (btn) {
        var key = btn.getAttribute("data-a11y");
        btn.setAttribute("aria-pressed", state[key] === btn.getAttribute("data-value") ? "true" : "false");
      });
    }
    if (state.images === "off") addAltTexts();
  }

  if (toggle && panel) {
    apply();
    setPanel(root.getAttribute("data-a11y-panel") === "open");

    toggle.addEventListener("click", function () {
      var open = root.getAttribute("data-a11y-panel") !== "open";
      setPanel(open);
      state.panel = open ? "open" : "closed";
      save(state);
      if (open) {
        var first = panel.querySelector("button");
        if (first) first.focus();
      }
    });

    panel.addEventListener("click", function (event) {
      var btn = event.target.closest ? event.target.closest("button[data-a11y]") : null;
      if (!btn) return;
      var key = btn.getAttribute("data-a11y");
      if (key === "reset") {
        state = { font: "normal", scheme: "normal", images: "on", spacing: "normal", panel: "closed" };
        apply();
        save(state);
        setPanel(false);
        toggle.focus();
        announce("Включена обычная версия сайта");
        return;
      }
      var value = btn.getAttribute("data-value");
      if (!has(OPTIONS, key) || OPTIONS[key].indexOf(value) < 0) return;
      state[key] = value;
      state.panel = "open";
      apply();
      save(state);
      announce(MESSAGES[key][value]);
    });

    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape" || event.key === "Esc") {
        setPanel(false);
        state.panel = "closed";
        save(state);
        toggle.focus();
      }
    });
  }

  /* Phone menu: the list is always open without JS; with JS a toggle button. */
  var menuToggle = document.querySelector(".menu-toggle");
  var nav = menuToggle ? menuToggle.closest(".main-nav") : null;
  if (menuToggle && nav) {
    menuToggle.addEventListener("click", function () {
      var open = !nav.classList.contains("is-open");
      nav.classList.toggle("is-open", open);
      menuToggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
    nav.addEventListener("keydown", function (event) {
      if ((event.key === "Escape" || event.key === "Esc") && nav.classList.contains("is-open")) {
        nav.classList.remove("is-open");
        menuToggle.setAttribute("aria-expanded", "false");
        menuToggle.focus();
      }
    });
  }

  /* Wide tables scroll inside a focusable region instead of the whole page. */
  each(document.querySelectorAll(".prose table"), function (table, i) {
    if (table.parentElement && table.parentElement.classList.contains("table-wrap")) return;
    var wrap = document.createElement("div");
    wrap.className = "table-wrap";
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    var caption = table.querySelector("caption");
    wrap.setAttribute("aria-label", caption && caption.textContent.trim()
      ? "Таблица: " + caption.textContent.trim()
      : "Таблица " + (i + 1));
    table.parentNode.insertBefore(wrap, table);
    wrap.appendChild(table);
  });
})();
