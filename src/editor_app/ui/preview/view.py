"""The live preview: a QWebEngineView that shows exactly the page export writes.

The page shell is loaded once; each render replaces only the changed top-level blocks, from the
application's isolated script world (page scripts are disabled and the page's CSP forbids them),
so there is no reload, no flicker and the scroll position stays. Every network request is
refused; links open in the system browser. Pictures of the store (`image:` keys, see
core.images.refs) come through a URL scheme handler of the window's, not through the page's
HTML: a page with megabytes of pictures stays a few kilobytes of markup per update.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineScript,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QMessageBox, QWidget

from editor_app.core.images.refs import SCHEME as IMAGE_SCHEME
from editor_app.core.page import with_root_theme
from editor_app.ui.common.theme import is_dark

SAFE_EXTERNAL_SCHEMES = {"http", "https", "mailto"}
LOADED_SCHEMES = ("data", "about", "blob", IMAGE_SCHEME)  # everything else is blocked


def register_image_scheme() -> None:
    """`image:` as a scheme of its own (path syntax, no host). Qt wants this before the first
    web profile exists, so it runs when this module is imported."""
    name = IMAGE_SCHEME.encode()
    if QWebEngineUrlScheme.schemeByName(name).name() == name:
        return
    scheme = QWebEngineUrlScheme(name)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Path)
    QWebEngineUrlScheme.registerScheme(scheme)


register_image_scheme()
APP_WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld

_UPDATE_JS = """
(function (parts, notice) {
  var root = document.getElementById('article');
  if (!root) { return -1; }
  var changed = 0;
  function patch(container, html) {
    var tpl = document.createElement('template');
    tpl.innerHTML = html;
    var next = Array.prototype.slice.call(tpl.content.childNodes);
    var cur = Array.prototype.slice.call(container.childNodes);
    var i;
    for (i = 0; i < next.length; i++) {
      if (i < cur.length) {
        if (!cur[i].isEqualNode(next[i])) { container.replaceChild(next[i], cur[i]); changed++; }
      } else { container.appendChild(next[i]); changed++; }
    }
    for (i = cur.length - 1; i >= next.length; i--) { container.removeChild(cur[i]); changed++; }
  }
  for (var name in parts) {
    var box = root.querySelector('[data-part="' + name + '"]');
    if (box) { patch(box, parts[name]); }
  }
  if (notice !== null) {
    var note = document.getElementById('preview-notice');
    if (notice) {
      if (!note) {
        note = document.createElement('div'); note.id = 'preview-notice'; note.className = 'preview-notice';
        note.setAttribute('role', 'status');
        root.parentNode.insertBefore(note, root);
      }
      note.textContent = notice;
    } else if (note) { note.remove(); }
  }
  return changed;
})(%s, %s)
"""


THEME_ATTRIBUTE = {False: "light", True: "dark"}
PAGE_BACKGROUNDS = {False: "#ffffff", True: "#1b1d21"}  # the page's --bg in each theme
_THEME_JS = "document.documentElement.setAttribute('data-theme', %s);"


class BlockAllRequests(QWebEngineUrlRequestInterceptor):
    """The preview never fetches: only the in-memory page itself, data: URLs and pictures of
    the store load."""

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        if info.requestUrl().scheme() not in LOADED_SCHEMES:
            info.block(True)


class PreviewPage(QWebEnginePage):
    def __init__(self, profile: QWebEngineProfile, parent: QWidget | None = None) -> None:
        super().__init__(profile, parent)
        self._shell_loaded = False

    def acceptNavigationRequest(self, url: QUrl, nav_type: QWebEnginePage.NavigationType, is_main: bool) -> bool:
        if nav_type == QWebEnginePage.NavigationType.NavigationTypeLinkClicked:
            open_external_link(url, QWebEngineView.forPage(self))
            return False
        return url.scheme() in ("data", "about")

    def createWindow(self, _type: QWebEnginePage.WebWindowType) -> QWebEnginePage | None:
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
    """`update_parts(...)` changes the article in place; `content_updated` fires after each update."""

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
        self._dark = False
        self.set_theme(is_dark())  # the palette the window starts with (ui/theme applied it)
        self._queued_parts: dict[str, str] = {}
        self._queued_notice: str | None = None
        page.loadFinished.connect(self._on_shell_loaded)

    def load_shell(self, shell_html: str) -> None:
        """Load the empty page (template + stylesheet) once; content follows via update_parts."""
        self._ready = False
        self.setHtml(with_root_theme(shell_html, THEME_ATTRIBUTE[self._dark]), QUrl("about:blank"))

    def set_theme(self, dark: bool) -> None:
        """The page's dark variant (`data-theme="dark"` on the root, resources/styles/article.css)
        in the preview only: an exported page keeps the desk's export theme."""
        self._dark = bool(dark)
        self.page().setBackgroundColor(QColor(PAGE_BACKGROUNDS[self._dark]))  # no white flash
        if self._ready:
            self.page().runJavaScript(_THEME_JS % json.dumps(THEME_ATTRIBUTE[self._dark]), APP_WORLD)

    @property
    def dark(self) -> bool:
        return self._dark

    def _on_shell_loaded(self, ok: bool) -> None:
        self._ready = ok
        if ok:
            self.page().runJavaScript(_THEME_JS % json.dumps(THEME_ATTRIBUTE[self._dark]), APP_WORLD)
        if ok and (self._queued_parts or self._queued_notice is not None):
            parts, notice = self._queued_parts, self._queued_notice
            self._queued_parts, self._queued_notice = {}, None
            self._send(parts, notice)

    def update_parts(
        self,
        *,
        header: str | None = None,
        body_json: str | None = None,
        after: str | None = None,
        footer: str | None = None,
        notice: str | None = None,
    ) -> None:
        """Replace parts of the article in place. `body_json` is the body HTML already encoded
        as a JSON string literal (done off the UI thread); `notice=None` leaves the notice."""
        parts: dict[str, str] = {}
        if header is not None:
            parts["header"] = json.dumps(header)
        if body_json is not None:
            parts["body"] = body_json
        if after is not None:
            parts["after"] = json.dumps(after)
        if footer is not None:
            parts["footer"] = json.dumps(footer)
        if not self._ready:
            self._queued_parts.update(parts)
            if notice is not None:
                self._queued_notice = notice
            return
        self._send(parts, notice)

    def _send(self, parts: dict[str, str], notice: str | None) -> None:
        literal = "{" + ",".join(f"{json.dumps(k)}:{v}" for k, v in parts.items()) + "}"
        code = _UPDATE_JS % (literal, json.dumps(notice))
        self.page().runJavaScript(code, APP_WORLD, lambda changed: self.content_updated.emit(int(changed or 0)))

    def serve_scheme(self, scheme: str, handler: QWebEngineUrlSchemeHandler | QObject) -> None:
        """Answer the page's requests for `scheme:` URLs with `handler` (kept by the profile)."""
        handler.setParent(self._profile)
        self._profile.installUrlSchemeHandler(scheme.encode(), handler)

    def run_in_page(self, code: str, callback) -> None:
        """Evaluate JS in the isolated world (tests read the DOM this way)."""
        self.page().runJavaScript(code, APP_WORLD, callback)
