/* mocpress theme «moc»: the Госуслуги «Решаем вместе» feedback widget (ПОС).
   Included only when portal.yaml sets `pos_widget: <id>` (off by default).
   Without JavaScript the banner's button is a plain link to the form. */
(function () {
  "use strict";
  var box = document.getElementById("js-show-iframe-wrapper");
  if (!box) return;
  var id = Number(box.getAttribute("data-pos-id"));
  if (!id) return;
  var tag = document.createElement("script");
  tag.async = true;
  tag.src = "https://pos.gosuslugi.ru/bin/script.min.js";
  tag.addEventListener("load", function () {
    if (typeof window.Widget !== "function") return;
    window.Widget("https://pos.gosuslugi.ru/form", id);
    var link = box.querySelector(".pos-widget__button");
    /* the widget opens its form from a click on the banner; keep the page */
    if (link) link.addEventListener("click", function (event) { event.preventDefault(); });
  });
  document.head.appendChild(tag);
})();
