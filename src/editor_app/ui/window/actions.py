"""Every user command in one place: text, shortcut, icon, tip. Menus and toolbars pick from here.

Keeping them together (as Picard does) means one table to read for shortcuts and no clashes.
"""

from __future__ import annotations

from dataclasses import dataclass

import qtawesome as qta
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from editor_app.ui.theme.icons import ICON_PROPERTY

StandardKey = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    shortcut: str | StandardKey | None = None
    icon: str | None = None
    tip: str = ""
    checkable: bool = False
    also: tuple[str, ...] = ()  # further shortcuts (Ctrl+= and Ctrl++ both zoom in)


ACTION_SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("new_article", "&New Article", StandardKey.New, "fa6s.file-circle-plus", "Start a new article"),
    ActionSpec("save", "&Save Now", StandardKey.Save, "fa6s.floppy-disk", "Save now (saving is automatic)"),
    ActionSpec("export_html", "&Export as HTML…", "Ctrl+E", "fa6s.file-export", "Write the article as one HTML file"),
    ActionSpec(
        "export_many",
        "Export &Articles…",
        "Ctrl+Shift+E",
        "fa6s.folder-open",
        "Export chosen or all approved articles into a folder, with an index page",
    ),
    ActionSpec("import_files", "&Import…", "Ctrl+Shift+I", "fa6s.file-import", "Import Markdown or text files"),
    ActionSpec("desk_settings", "Des&k Settings…", None, "fa6s.gear", "Publisher, site URL, desk user, language"),
    ActionSpec("delete_article", "&Delete Article…", None, "fa6s.trash-can", "Move the article to the trash"),
    ActionSpec("backups", "&Backups…", None, "fa6s.clock-rotate-left", "Back up the store or restore a backup"),
    ActionSpec("show_trash", "Deleted &Articles…", None, "fa6s.trash-can-arrow-up", "Restore deleted articles"),
    ActionSpec(
        "corrections_list",
        "Co&rrections…",
        None,
        "fa6s.list-check",
        "Every correction, clarification and update notice, across articles",
    ),
    ActionSpec(
        "add_notice",
        "Add &Notice…",
        None,
        "fa6s.pen-to-square",
        "Publish a correction, clarification or update notice on the published article",
    ),
    ActionSpec("kill_article", "&Kill Article…", None, "fa6s.ban", "Withdraw the published article, with a reason"),
    ActionSpec("quit", "&Quit", StandardKey.Quit, None, "Save and quit"),
    ActionSpec("undo", "&Undo", StandardKey.Undo, "fa6s.rotate-left"),
    ActionSpec("redo", "&Redo", StandardKey.Redo, "fa6s.rotate-right"),
    # Cut/Copy/Paste/Select All act on the focused field (the body, a header field, a search box):
    # text widgets claim these keys themselves, so the shortcuts never fight them.
    ActionSpec("cut", "Cu&t", StandardKey.Cut, "fa6s.scissors"),
    ActionSpec("copy", "&Copy", StandardKey.Copy, "fa6s.copy"),
    ActionSpec("paste", "&Paste", StandardKey.Paste, "fa6s.paste"),
    ActionSpec("select_all", "Select &All", StandardKey.SelectAll),
    ActionSpec("bold", "&Bold", StandardKey.Bold, "fa6s.bold", "Bold (**text**)"),
    ActionSpec("italic", "&Italic", StandardKey.Italic, "fa6s.italic", "Italic (*text*)"),
    ActionSpec("link", "Insert &Link…", "Ctrl+K", "fa6s.link", "Link ([text](url))"),
    ActionSpec("insert_image", "Insert &Image…", "Ctrl+Alt+I", "fa6s.image", "Add a picture (or paste or drop one)"),
    ActionSpec("heading1", "Heading &1", "Ctrl+1", "fa6s.heading", "Heading 1 (# text) on the selected lines"),
    ActionSpec("heading2", "Heading &2", "Ctrl+2", None, "Heading 2 (## text) on the selected lines"),
    ActionSpec("heading3", "Heading &3", "Ctrl+3", None, "Heading 3 (### text) on the selected lines"),
    ActionSpec("paragraph", "&Paragraph", "Ctrl+Alt+0", None, "Plain paragraph: takes heading, list and quote off"),
    ActionSpec("bullet_list", "&Bulleted List", "Ctrl+Shift+8", "fa6s.list-ul", "Bulleted list (- item)"),
    ActionSpec("numbered_list", "&Numbered List", "Ctrl+Shift+7", "fa6s.list-ol", "Numbered list (1. item)"),
    ActionSpec("quote", "&Quote", "Ctrl+Shift+9", "fa6s.quote-right", "Block quote (> text)"),
    ActionSpec("code", "&Code", "Ctrl+`", "fa6s.code", "`code` in a line, a fenced block for whole lines"),
    ActionSpec(
        "mark_claim", "Mark as &Claim", "Ctrl+Shift+M", "fa6s.quote-left", "Anchor a claim on the selected text"
    ),
    ActionSpec("find", "&Find…", StandardKey.Find, "fa6s.magnifying-glass", "Find in the article"),
    ActionSpec("replace", "&Replace…", "Ctrl+H", "fa6s.right-left", "Find and replace (regex optional)"),
    ActionSpec("find_next", "Find &Next", StandardKey.FindNext),
    ActionSpec("spell_next", "Next &Misspelling", "F7", "fa6s.spell-check", "Select the next misspelt word"),
    ActionSpec("spell_previous", "Previous Missp&elling", "Shift+F7", None, "Select the previous misspelt word"),
    ActionSpec("find_previous", "Find Pre&vious", StandardKey.FindPrevious),
    ActionSpec("toggle_library", "&Library", "Ctrl+Shift+L", None, "Show or hide the library", True),
    ActionSpec("toggle_preview", "&Preview", "Ctrl+Shift+P", None, "Show or hide the preview", True),
    ActionSpec(
        "preview_as_tab",
        "Preview as &Tab",
        "Ctrl+Alt+P",
        None,
        "The preview in a tab beside the text instead of next to it",
        True,
    ),
    ActionSpec("focus_library_filter", "Filter Library", "Ctrl+Shift+F", None, "Filter the library by title"),
    ActionSpec("workspace_write", "&Write Workspace", "Ctrl+Alt+1", "fa6s.pen-nib", "Library, text and preview", True),
    ActionSpec(
        "workspace_review",
        "Re&view Workspace",
        "Ctrl+Alt+2",
        "fa6s.magnifying-glass-chart",
        "Text, claims, checklist, sources and comments",
        True,
    ),
    ActionSpec("switch_workspace", "&Switch Workspace", "Ctrl+Alt+W", None, "Between Write and Review"),
    ActionSpec("reset_layout", "&Reset Layout", None, None, "This workspace's panes as they come out of the box"),
    ActionSpec(
        "zoom_in", "Zoom &In", "Ctrl+=", "fa6s.magnifying-glass-plus", "Larger text and preview", also=("Ctrl++",)
    ),
    ActionSpec("zoom_out", "Zoom &Out", "Ctrl+-", "fa6s.magnifying-glass-minus", "Smaller text and preview"),
    ActionSpec("zoom_reset", "&Actual Size", "Ctrl+0", None, "Text and preview at 100 %"),
    ActionSpec("theme_system", "&System", None, None, "Light or dark as the system is set", True),
    ActionSpec("theme_light", "&Light", None, "fa6s.sun", "Light theme, whatever the system says", True),
    ActionSpec("theme_dark", "&Dark", None, "fa6s.moon", "Dark theme: the editor, the panes and the preview", True),
    ActionSpec(
        "sync_scrolling", "S&ync Scrolling", None, None, "The preview follows the text as you scroll, and back", True
    ),
    ActionSpec("focus_mode", "&Focus Mode", "F8", None, "Dim all but the paragraph or sentence you are writing", True),
    ActionSpec("focus_paragraph", "&Paragraph", None, None, "Focus mode keeps the current paragraph bright", True),
    ActionSpec("focus_sentence", "&Sentence", None, None, "Focus mode keeps the current sentence bright", True),
    ActionSpec("typewriter", "&Typewriter Scrolling", "F9", None, "Keep the line you are typing in the middle", True),
    ActionSpec("full_screen", "F&ull Screen", "F11", "fa6s.expand", "The window on the whole screen", True),
    ActionSpec("writers_guide", "&Writer's Guide", "F1", "fa6s.book", "Claim syntax, front matter and shortcuts"),
    ActionSpec(
        "keyboard_shortcuts", "&Keyboard Shortcuts", "Ctrl+/", "fa6s.keyboard", "Every command and its shortcut"
    ),
    ActionSpec("about", "&About Editor App", None, None),
)


class ActionRegistry:
    """Creates the QActions once; `get(id)` everywhere else."""

    def __init__(self, parent: QWidget) -> None:
        self._actions: dict[str, QAction] = {}
        for spec in ACTION_SPECS:
            action = QAction(spec.text, parent)
            action.setObjectName(f"action_{spec.id}")
            if spec.shortcut is not None:
                action.setShortcuts([QKeySequence(spec.shortcut), *(QKeySequence(k) for k in spec.also)])
            if spec.icon:
                action.setIcon(qta.icon(spec.icon))
                action.setProperty(ICON_PROPERTY, spec.icon)  # made again after a theme switch
            tip = spec.tip or spec.text.replace("&", "").rstrip("…")
            shortcut_text = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shortcut_text})" if shortcut_text else tip)
            action.setStatusTip(tip)
            action.setCheckable(spec.checkable)
            parent.addAction(action)
            self._actions[spec.id] = action

    def get(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def all(self) -> dict[str, QAction]:
        return dict(self._actions)
