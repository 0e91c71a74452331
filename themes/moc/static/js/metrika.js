/* mocpress theme «moc»: Яндекс Метрика. Included only when portal.yaml sets
   `metrika: <counter>` (off by default). The counter id comes from the
   data-counter attribute of this script tag, so no inline script is needed. */
(function () {
  "use strict";
  var script = document.currentScript;
  var id = script ? Number(script.getAttribute("data-counter")) : 0;
  if (!id) return;
  var ym = window.ym = window.ym || function () {
    (ym.a = ym.a || []).push(arguments);
  };
  ym.l = Date.now();
  var tag = document.createElement("script");
  tag.async = true;
  tag.src = "https://mc.yandex.ru/metrika/tag.js";
  document.head.appendChild(tag);
  ym(id, "init", { clickmap: true, trackLinks: true, accurateTrackBounce: true });
})();
