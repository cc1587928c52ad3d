"""The dialogs of export and import: choose the articles and folder to export, the encoding of
a file that is not UTF-8 (with a preview of the text in each candidate), and Desk Settings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.article import ArticleStatus
from editor_app.core.identity import IdentityError, acting_user, clean_name, identity_path, save_name, saved_name
from editor_app.core.importer import NotUTF8Error
from editor_app.core.settings import DeskSettings
from editor_app.core.spelling.personal import DictionaryError, clean_word, load_personal, personal_path, save_personal
from editor_app.store.errors import StoreError
from editor_app.store.settings import SettingsStore
from editor_app.store.spelling import SpellingWords
from editor_app.ui.common.theme import ERROR_COLOURS, themed

if TYPE_CHECKING:
    pass

ENCODINGS = (
    ("UTF-8", "utf-8"),
    ("Windows-1252 (Western European)", "cp1252"),
    ("Latin-1 (ISO-8859-1)", "latin-1"),
    ("UTF-16", "utf-16"),
)


OPEN_AFTER_KEY = "export/open_after"


EXPORT_DIR_KEY = "export/dir"

PREVIEW_LINES = 12


class ExportArticlesDialog(QDialog):
    """Which articles (approved ones pre-checked), which folder, open afterwards or not."""

    def __init__(self, store, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportArticlesDialog")
        self.setWindowTitle("Export Articles")
        self.resize(560, 480)
        self.list = QListWidget(objectName="exportArticleList")
        for s in store.list_summaries():
            item = QListWidgetItem(f"{s.display_title}  —  {s.status.label}")
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, s.status.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if s.status == ArticleStatus.APPROVED else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        approved = QPushButton("All &Approved", objectName="selectApproved")
        approved.clicked.connect(self.select_approved)
        every = QPushButton("&All", objectName="selectAll")
        every.clicked.connect(lambda: self._check_all(True))
        none = QPushButton("&None", objectName="selectNone")
        none.clicked.connect(lambda: self._check_all(False))
        picks = QHBoxLayout()
        for b in (approved, every, none):
            picks.addWidget(b)
        picks.addStretch(1)
        self.folder_edit = QLineEdit(
            str(settings.value(EXPORT_DIR_KEY, str(Path.home() / "Exported articles"))), objectName="exportFolder"
        )
        browse = QPushButton("&Browse…", objectName="browseFolder")
        browse.clicked.connect(self.browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        self.format = QComboBox(objectName="exportFormat")
        self.format.addItem("HTML pages, with an index page", "html")
        self.format.addItem("IPTC ninjs 3.1 JSON, one file each", "ninjs")
        self.format.setCurrentIndex(max(0, self.format.findData(str(settings.value("export/format", "html")))))
        self.open_after = QCheckBox("&Open in the browser after export", objectName="openAfterExport")
        self.open_after.setChecked(settings.value(OPEN_AFTER_KEY, False, type=bool))
        self.hint = QLabel(objectName="exportHint")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Articles to export (one file each; as HTML, an index page lists them):"))
        layout.addWidget(self.list, 1)
        layout.addLayout(picks)
        layout.addWidget(QLabel("Into the folder:"))
        layout.addLayout(folder_row)
        layout.addWidget(QLabel("As:"))
        layout.addWidget(self.format)
        layout.addWidget(self.open_after)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.list.itemChanged.connect(self._update)
        self.folder_edit.textChanged.connect(self._update)
        self._update()

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def _check_all(self, on: bool) -> None:
        for item in self._items():
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def select_approved(self) -> None:
        for item in self._items():
            approved = item.data(Qt.ItemDataRole.UserRole + 1) == ArticleStatus.APPROVED.value
            item.setCheckState(Qt.CheckState.Checked if approved else Qt.CheckState.Unchecked)

    def set_checked(self, ids: list[int]) -> None:
        wanted = set(ids)
        for item in self._items():
            on = int(item.data(Qt.ItemDataRole.UserRole)) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def chosen_ids(self) -> list[int]:
        return [int(i.data(Qt.ItemDataRole.UserRole)) for i in self._items() if i.checkState() == Qt.CheckState.Checked]

    def chosen_format(self) -> str:
        """ "html" or "ninjs" (core.export_batch.FORMATS)."""
        return str(self.format.currentData() or "html")

    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip()).expanduser()

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Export into folder", self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(chosen)

    def _update(self, *_args: object) -> None:
        n = len(self.chosen_ids())
        ok = n > 0 and bool(self.folder_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.hint.setText(f"{n} article(s) chosen." if n else "Choose at least one article.")


class EncodingDialog(QDialog):
    """A file is not UTF-8: explain, let the writer pick an encoding with a preview, or refuse."""

    def __init__(self, path: Path, error: NotUTF8Error, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("encodingDialog")
        self.setWindowTitle("Choose the file's encoding")
        self.resize(620, 420)
        try:
            self.data = path.read_bytes()[: 64 * 1024]
        except OSError:
            self.data = b""
        self.encoding = ENCODINGS[1][1]
        explain = QLabel(
            f"<b>{_html(path.name)}</b> is not UTF-8 text: byte {error.position} cannot be read as UTF-8. "
            "It was probably saved by an older program in another encoding. Choose the encoding that "
            "makes the preview read correctly, or cancel to leave the file out."
        )
        explain.setWordWrap(True)
        self.combo = QComboBox(objectName="encodingChoice")
        for label, codec in ENCODINGS:
            self.combo.addItem(label, codec)
        self.combo.setCurrentIndex(1)
        self.preview = QPlainTextEdit(objectName="encodingPreview", readOnly=True)
        self.status = QLabel(objectName="encodingStatus")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Don’t Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Encoding:", self.combo)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(QLabel("First lines as they would be imported:"))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.combo.currentIndexChanged.connect(self._update)
        self._update()

    def select_encoding(self, codec: str) -> None:
        i = self.combo.findData(codec)
        if i >= 0:
            self.combo.setCurrentIndex(i)

    def _update(self, *_args: object) -> None:
        self.encoding = str(self.combo.currentData())
        try:
            text = self.data.decode(self.encoding)
            ok = True
        except UnicodeDecodeError as exc:
            text = self.data.decode(self.encoding, errors="replace")
            ok = False
            self.status.setText(f"{self.combo.currentText()} cannot read this file (byte {exc.start}).")
        if ok:
            self.status.setText("")
        self.preview.setPlainText("\n".join(text.splitlines()[:PREVIEW_LINES]))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


class DeskSettingsDialog(QDialog):
    """Editorial settings of the desk, saved in the store (shared by everyone using it), and the
    name of the person at this computer account (saved per account, `core.identity`)."""

    def __init__(self, settings_store: SettingsStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskSettingsDialog")
        self.setWindowTitle("Desk Settings")
        self.setMinimumWidth(560)
        self.settings_store = settings_store
        current = settings_store.load()
        self._current = current
        self._saved_name = saved_name()
        self.your_name = QLineEdit(self._saved_name, objectName="yourName")
        self.your_name.setMaxLength(80)
        self.your_name.setPlaceholderText(f"{acting_user(current.desk_user)} (not saved yet)")
        self.your_name.setToolTip(
            "Recorded on your claims, comments and status changes. Saved for this computer "
            f"account only, in {identity_path()}."
        )
        self.publisher = QLineEdit(current.publisher, objectName="publisher")
        self.publisher.setPlaceholderText("Example Financial News")
        self.base_url = QLineEdit(current.site_base_url, objectName="siteBaseUrl")
        self.base_url.setPlaceholderText("https://news.example.com/articles/")
        self.language = QLineEdit(current.language, objectName="language")
        self.language.setPlaceholderText("en")
        self.twitter = QLineEdit(current.twitter_site, objectName="twitterSite")
        self.twitter.setPlaceholderText("@examplenews")
        self.spelling_languages = QLineEdit(current.spelling_languages, objectName="spellingLanguages")
        self.spelling_languages.setPlaceholderText("en_US, en_GB")
        self.spelling_languages.setToolTip(
            "Hunspell dictionaries, comma-separated: a word is right if any of them knows it. "
            "An article's front matter lang: wins."
        )
        self.export_theme = QComboBox(objectName="exportTheme")
        for value, label in (
            ("light", "Light (the publication's style)"),
            ("dark", "Dark"),
            ("auto", "As the reader's system is set"),
        ):
            self.export_theme.addItem(label, value)
        self.export_theme.setCurrentIndex(max(0, self.export_theme.findData(current.page_theme)))
        self.export_theme.setToolTip("How exported pages look; the preview follows View › Theme.")
        self.words = SpellingWords(settings_store.store)
        self._desk_words = self._read_desk_words()
        self._my_words = load_personal()
        self.desk_words = QPlainTextEdit("\n".join(self._desk_words), objectName="deskDictionary")
        self.my_words = QPlainTextEdit("\n".join(self._my_words), objectName="myDictionary")
        for box, tip in (
            (self.desk_words, "One word a line; shared by everyone using this store."),
            (self.my_words, f"One word a line; only for you, in {personal_path()}."),
        ):
            box.setToolTip(tip)
            box.setPlaceholderText("One word a line")
            box.setFixedHeight(72)
        self.error = QLabel(objectName="settingsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {themed(ERROR_COLOURS, self.palette()).name()};")
        mine = QFormLayout()
        mine.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        mine.addRow("Your &name (this computer account):", self.your_name)
        mine.addRow("&My dictionary:", self.my_words)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("&Publisher:", self.publisher)
        form.addRow("&Site base URL:", self.base_url)
        form.addRow("&Language:", self.language)
        form.addRow("&Twitter handle:", self.twitter)
        form.addRow("Spelling lan&guages:", self.spelling_languages)
        form.addRow("&Exported pages:", self.export_theme)
        form.addRow("&Desk dictionary:", self.desk_words)
        self.notice_position = QComboBox(objectName="noticePosition")
        self.notice_position.addItem("Below the article", "bottom")
        self.notice_position.addItem("Above the article", "top")
        self.notice_position.setCurrentIndex(max(0, self.notice_position.findData(current.notices_at)))
        form.addRow("Co&rrection notices:", self.notice_position)
        desk = QLabel("For everyone using this store:")
        note = QLabel(
            "Used in exported pages: the publisher in the metadata, canonical URLs "
            "(base URL + slug + .html unless an article sets its own), the page language."
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(mine)
        layout.addSpacing(8)
        layout.addWidget(desk)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def value(self) -> DeskSettings:
        return DeskSettings(
            publisher=self.publisher.text().strip(),
            site_base_url=self.base_url.text().strip(),
            desk_user=self._current.desk_user,  # legacy store-wide name: kept for old stores, not edited here
            language=self.language.text().strip() or "en",
            twitter_site=self.twitter.text().strip(),
            spelling_languages=self.spelling_languages.text().strip() or self._current.spelling_languages,
            export_theme=str(self.export_theme.currentData() or "light"),
            notice_position=str(self.notice_position.currentData() or "bottom"),
        )

    def _read_desk_words(self) -> list[str]:
        try:
            return self.words.desk_words()
        except StoreError:
            return []

    @staticmethod
    def _word_list(box: QPlainTextEdit) -> list[str]:
        return sorted({w for w in (clean_word(line) for line in box.toPlainText().splitlines()) if w})

    def accept(self) -> None:
        value = self.value()
        problems = value.problems()
        name = clean_name(self.your_name.text())
        if not name and self._saved_name:
            problems.append("Give your name: it is shown on your claims, comments and status changes.")
        if problems:
            self.error.setText(" ".join(problems))
            return
        try:
            if value != self._current:
                self.settings_store.save(value)
                self._current = value
            if name and name != self._saved_name:
                save_name(name)
                self._saved_name = name
            desk_words = self._word_list(self.desk_words)
            if desk_words != self._desk_words:
                self._desk_words = self.words.set_desk_words(desk_words)
            my_words = self._word_list(self.my_words)
            if my_words != self._my_words:
                save_personal(my_words)
                self._my_words = my_words
        except (StoreError, ValueError, IdentityError, DictionaryError) as exc:
            self.error.setText(str(exc))
            return
        super().accept()


def _html(text: str) -> str:
    import html

    return html.escape(text)
