/*
 * mocpress theme «moc»: video from VK Видео / Rutube loads only after a click.
 *
 * The page has <div class="video" data-embed="…" data-title="…"> with a
 * button and a plain link to the video's page. Until the visitor presses the
 * button nothing is requested from the video host (no iframe, no preview
 * image, no script). On click the placeholder becomes the host's player and
 * keyboard focus moves into it. Without JavaScript the button is hidden by
 * theme.css and the plain link still works.
 */
(function () {
  "use strict";

  /* Only https players: data-embed is written by mocpress, but a theme must
     never turn a page value into a javascript: or data: frame. */
  function safeURL(text) {
    try {
      var url = new URL(text, document.baseURI);
      return url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function play(box) {
    var src = safeURL(box.getAttribute("data-embed") || "");
    if (!src) return;
    var stage = box.querySelector(".video__stage") || box;
    var frame = document.createElement("iframe");
    frame.className = "video__frame";
    frame.src = src;
    frame.title = box.getAttribute("data-title") || "Видео";
    frame.setAttribute("allow", "autoplay; encrypted-media; fullscreen; picture-in-picture");
    frame.setAttribute("allowfullscreen", "");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    while (stage.firstChild) stage.removeChild(stage.firstChild);
    stage.appendChild(frame);
    box.classList.add("is-playing");
    frame.focus();
  }

  function init() {
    var boxes = document.querySelectorAll(".video[data-embed]");
    Array.prototype.forEach.call(boxes, function (box) {
      var button = box.querySelector(".video__play");
      if (!button) return;
      box.classList.add("is-ready");
      button.addEventListener("click", function () { play(box); });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
