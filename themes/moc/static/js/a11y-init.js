/* mocpress theme «moc»: applies the saved «версия для слабовидящих» settings
   before the first paint. Loaded synchronously in <head>; keep it tiny.
   The full logic is in a11y.js. */
(function () {
  var d = document.documentElement;
  d.className = d.className.replace(/(^|\s)no-js(\s|$)/, "$1js$2");
  var allowed = {
    font: { large: 1, huge: 1 },
    scheme: { bw: 1, wb: 1, blue: 1 },
    images: { off: 1 },
    spacing: { wide: 1, wider: 1 }
  };
  try {
    var s = JSON.parse(window.localStorage.getItem("mocpress-a11y") || "{}") || {};
    var active = false;
    for (var k in allowed) {
      if (Object.prototype.hasOwnProperty.call(allowed, k) && allowed[k][s[k]] === 1) {
        d.setAttribute("data-a11y-" + k, s[k]);
        active = true;
      }
    }
    if (active && s.panel !== "closed") d.setAttribute("data-a11y-panel", "open");
  } catch (e) { /* no localStorage: the normal version */ }
})();
