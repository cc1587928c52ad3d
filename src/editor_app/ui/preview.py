"""The live preview: a QWebEngineView that shows exactly the page export writes.

The page shell is loaded once; each render replaces only the changed top-level blocks, from the
application's isolated script world (page scripts are disabled and the page's CSP forbids them),
so there is no reload, no flicker and the scroll position stays. Every network request is
refused; links open in the system browser.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineScript,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QMessageBox, QWidget

SAFE_EXTERNAL_SCHEMES = {"http", "https", "mailto"}
APP_WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld

_UPDATE_JS = """
(function (html, notice) {
  var root = document.getElementById('article');
  if (!root) { return -1; }
  var tpl = document.createElement('template');
  tpl.innerHTML = html;
  var next = Array.prototype.slice.call(tpl.content.childNodes);
  var cur = Array.prototype.slice.call(root.childNodes);
  var changed = 0, i;
  for (i = 0; i < next.length; i++) {
    if (i < cur.length) {
      if (!cur[i].isEqualNode(next[i])) { root.replaceChild(next[i], cur[i]); changed++; }
    } else { root.appendChild(next[i]); changed++; }
  }
  for (i = cur.length - 1; i >= next.length; i--) { root.removeChild(cur[i]); changed++; }
  var box = document.getElementById('preview-notice');
  if (notice) {
    if (!box) {
      box = document.createElement('div'); box.id = 'preview-notice'; box.className = 'preview-notice';
      box.setAttribute('role', 'status');
      root.parentNode.insertBefore(box, root);
    }
    box.textContent = notice;
  } else if (box) { box.remove(); }
  return changed;
})(%s, %s)
"""


class BlockAllRequests(QWebEngineUrlRequestInterceptor):
    """The preview never fetches: only the in-memory page itself and data: URLs load."""

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 (Qt API)
        if info.requestUrl().scheme() not in ("data", "about", "blob"):
            info.block(True)


class PreviewPage(QWebEnginePage):
    def __init__(self, profile: QWebEngineProfile, parent: QWidget | None = None) -> None:
        super().__init__(profile, parent)
        self._shell_loaded = False

    def acceptNavigationRequest(self, url: QUrl, nav_type: QWebEnginePage.NavigationType, is_main: bool) -> bool:  # noqa: N802
        if nav_type == QWebEnginePage.NavigationType.NavigationTypeLinkClicked:
            open_external_link(url, QWebEngineView.forPage(self))
            return False
        if url.scheme() in ("data", "about"):
            return True
        return False

    def createWindow(self, _type: QWebEnginePage.WebWindowType) -> QWebEnginePage | None:  # noqa: N802
        return None


def open_external_link(url: QUrl, parent: QWidget | None) -> bool:
    """http, https and mailto open in the system browser; anything else asks first."""
    scheme = url.scheme().lower()
    if scheme in SAFE_EXTERNAL_SCHEMES:
        return QDesktopServices.openUrl(url)
    if scheme in ("", "about") or url.toString().startswith("#"):
        return False
    answer = QMessageBox.question(
        parent,
        "Open link?",
        f"This link uses the “{scheme}:” scheme, which may open another program:\n\n"
        f"{url.toDisplayString()[:300]}\n\nOpen it anyway?",
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Open and QDesktopServices.openUrl(url)


class PreviewView(QWebEngineView):
    """`show_content(html)` updates the article in place; `content_updated` fires after each update."""

    content_updated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Off-the-record profile: no cache, no cookies on disk. It must outlive its page, and Qt
        # deletes children in the order they were added, so it is re-added after the page.
        profile = QWebEngineProfile(self)
        self._interceptor = BlockAllRequests(profile)
        profile.setUrlRequestInterceptor(self._interceptor)
        page = PreviewPage(profile, self)
        profile.setParent(None)
        profile.setParent(self)
        self._profile = profile
        settings = page.settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptEnabled, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.AutoLoadImages, True)
        settings.setAttribute(QWebEngineSettings.WebAttribute.PluginsEnabled, False)
        self.setPage(page)
        self.setContextMenuPolicy(self.contextMenuPolicy())
        self._ready = False
        self._queued: tuple[str, str] | None = None
        page.loadFinished.connect(self._on_shell_loaded)

    def load_shell(self, shell_html: str) -> None:
        """Load the empty page (template + stylesheet) once; content follows via show_content."""
        self._ready = False
        self.setHtml(shell_html, QUrl("about:blank"))

    def _on_shell_loaded(self, ok: bool) -> None:
        self._ready = ok
        if ok and self._queued is not None:
            html, notice = self._queued
            self._queued = None
            self.show_content(html, notice)

    def show_content(self, content_html: str, notice: str = "") -> None:
        if not self._ready:
            self._queued = (content_html, notice)
            return
        code = _UPDATE_JS % (json.dumps(content_html), json.dumps(notice))
        self.page().runJavaScript(code, APP_WORLD, lambda changed: self.content_updated.emit(int(changed or 0)))

    def run_in_page(self, code: str, callback) -> None:  # noqa: ANN001 - Qt callback
        """Evaluate JS in the isolated world (tests read the DOM this way)."""
        self.page().runJavaScript(code, APP_WORLD, callback)
