/* global window, document */
/**
 * Fits Microcred frames embedded by oEmbed to their content. A Microcred frame (frame.html) posts
 * `{ type: 'mc-frame-size', height }` to its parent whenever its content's height changes (growing
 * and shrinking); this sets the height of the one iframe that sent it. Only iframes the plugin marked
 * (`data-microcred-frame`, added to the HTML of the issuers in `microcred_oembed_providers`) are
 * resized, and only from their own window's messages. Plain JavaScript, loaded only on pages with
 * such an embed.
 */
(function () {
  'use strict';
  /** The tallest height accepted (px): a frame cannot make the page endless. */
  var MAX_HEIGHT = 20000;

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'mc-frame-size') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height < 0) return;
    var frames = document.querySelectorAll('iframe[data-microcred-frame]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.min(Math.ceil(height), MAX_HEIGHT) + 'px';
        return;
      }
    }
  });
})();
