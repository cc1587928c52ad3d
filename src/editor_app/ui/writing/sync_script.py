"""The preview's half of scroll sync: our own script in the application's isolated world.

Page scripts stay disabled and the page's CSP is untouched: this code runs in the world the
window already patches the page from, and talks to the window through a QWebChannel installed
in that world only. It maps source lines (the `data-line` of the top-level blocks) to page
positions and back, interpolating between blocks; the page top is line 1.
"""

from __future__ import annotations

from PySide6.QtCore import QFile

SYNC_JS = r"""
(function () {
  if (window.__editorSync) { return; }
  var sync = {
    els: null, enabled: true, expectY: null, bridge: null, lastShape: '', last: null,
    // the viewport's size and the page's height: a scroll that comes with a change of these is
    // the browser's doing (a resize, a re-render clamping the position), not the reader's
    shape: function () {
      var s = document.scrollingElement || document.documentElement;
      return window.innerWidth + 'x' + window.innerHeight + 'x' + s.scrollHeight;
    },
    invalidate: function () { this.els = null; },
    blocks: function () {
      if (!this.els) {
        var found = document.querySelectorAll('#article [data-line]');
        var els = [], last = 0;
        for (var i = 0; i < found.length; i++) {
          var line = parseInt(found[i].getAttribute('data-line'), 10);
          if (line > last) { els.push({el: found[i], line: line}); last = line; }
        }
        this.els = els;
      }
      return this.els;
    },
    top: function (k) { return this.els[k].el.getBoundingClientRect().top + window.scrollY; },
    maxY: function () {
      var s = document.scrollingElement || document.documentElement;
      return Math.max(0, s.scrollHeight - window.innerHeight);
    },
    // anchors: the page top is line 1; then each block with a later line
    yForLine: function (line) {
      var els = this.blocks();
      var lo = 0, hi = els.length - 1, k = -1;
      while (lo <= hi) { var mid = (lo + hi) >> 1; if (els[mid].line <= line) { k = mid; lo = mid + 1; } else { hi = mid - 1; } }
      var l0 = 1, y0 = 0;
      if (k >= 0) { l0 = els[k].line; y0 = this.top(k); }
      var l1, y1;
      if (k + 1 < els.length) { l1 = els[k + 1].line; y1 = this.top(k + 1); }
      else if (k >= 0) { var r = els[k].el.getBoundingClientRect(); l1 = this.endLine; y1 = r.bottom + window.scrollY; }
      else { return 0; }
      if (!(l1 > l0)) { return y0; }
      return y0 + (y1 - y0) * Math.min(1, (line - l0) / (l1 - l0));
    },
    lineForY: function (y) {
      var els = this.blocks();
      var lo = 0, hi = els.length - 1, k = -1;
      while (lo <= hi) { var mid = (lo + hi) >> 1; if (this.top(mid) <= y + 0.5) { k = mid; lo = mid + 1; } else { hi = mid - 1; } }
      var l0 = 1, y0 = 0;
      if (k >= 0) { l0 = els[k].line; y0 = this.top(k); }
      var l1, y1;
      if (k + 1 < els.length) { l1 = els[k + 1].line; y1 = this.top(k + 1); }
      else if (k >= 0) { var r = els[k].el.getBoundingClientRect(); l1 = this.endLine; y1 = r.bottom + window.scrollY; }
      else { return 1; }
      if (!(y1 > y0)) { return l0; }
      return l0 + (l1 - l0) * Math.min(1, Math.max(0, (y - y0) / (y1 - y0)));
    },
    endLine: 1,
    // from the editor: `line` (fractional, 1-based) `at` that fraction of the height (0: the
    // top); `edge` -1 the page top, 1 its bottom, 0 neither
    scrollToLine: function (line, edge, endLine, at) {
      this.last = [line, edge, endLine, at];  // placed again if the layout changes under it
      this.endLine = endLine;
      var y = edge < 0 ? 0 : (edge > 0 ? this.maxY() : this.yForLine(line) - (at || 0) * window.innerHeight);
      y = Math.round(Math.min(Math.max(0, y), this.maxY()));
      this.lastShape = this.shape();
      if (Math.abs(window.scrollY - y) < 1) { return window.scrollY; }
      window.scrollTo({top: y, left: window.scrollX, behavior: 'instant'});
      this.expectY = window.scrollY;  // the scroll event this causes is not the writer's
      return window.scrollY;
    },
    // the layout changed (a resize, the preview shown again, a re-render): the line the window
    // asked for goes back to its place; nothing is reported
    relaidOut: function () {
      var shape = this.shape();
      if (shape === this.lastShape) { return false; }
      this.lastShape = shape;
      if (this.last) { this.els = null; this.scrollToLine(this.last[0], this.last[1], this.last[2], this.last[3]); }
      return true;
    },
    onScroll: function () {
      var y = window.scrollY;
      if (this.expectY !== null && Math.abs(y - this.expectY) < 1) { this.expectY = null; return; }
      this.expectY = null;
      if (this.relaidOut()) { return; }
      this.last = null;  // the reader moved the page: that is the place now
      if (!this.enabled || !this.bridge) { return; }
      var edge = y <= 0 ? -1 : (y >= this.maxY() - 1 ? 1 : 0);
      this.bridge.preview_scrolled(this.lineForY(y), edge);
    }
  };
  window.__editorSync = sync;
  sync.lastShape = sync.shape();
  // No scroll anchoring: a re-render above the reader must not move the page by itself (the
  // window puts the synced line back at the top after each one).
  document.documentElement.style.overflowAnchor = 'none';
  window.addEventListener('scroll', function () { sync.onScroll(); }, {passive: true});
  window.addEventListener('resize', function () { sync.relaidOut(); });
  if (typeof QWebChannel !== 'undefined' && window.qt && qt.webChannelTransport) {
    new QWebChannel(qt.webChannelTransport, function (channel) { sync.bridge = channel.objects.scrollSync; });
  }
})();
"""


def qwebchannel_js() -> str:
    """Qt's own client for QWebChannel, from the Qt resources (no file, no network)."""
    f = QFile(":/qtwebchannel/qwebchannel.js")
    if not f.open(QFile.OpenModeFlag.ReadOnly):
        return ""
    try:
        return bytes(f.readAll().data()).decode("utf-8")
    finally:
        f.close()
