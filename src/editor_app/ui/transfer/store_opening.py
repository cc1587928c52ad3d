"""Opening the store at start-up, with a clear choice for every way it can fail.

One writer per store (a lock file); a second window is offered read-only. A damaged file is
explained, never overwritten: restore the newest good backup, open another file, or start a
new store (the damaged one is moved aside). A daily backup is taken once the file is known good.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from editor_app.services.opening import open_store
from editor_app.store.backups import BackupError, maybe_daily_backup, newest_good_backup, restore_backup
from editor_app.store.damaged import diagnose, move_aside
from editor_app.store.errors import StoreError, StoreReadOnlyError
from editor_app.store.locations import is_server_url
from editor_app.store.lock import LockFileError, StoreLock
from editor_app.store.paths import default_store_path
from editor_app.store.readonly import unwritable_reason
from editor_app.store.store import Store


@dataclass
class OpenedStore:
    store: Store
    lock: StoreLock | None  # None when opened read-only

    def close(self) -> None:
        self.store.close()
        if self.lock is not None:
            self.lock.release()


def _ask(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, buttons: list[str], detail: str = ""
) -> str | None:
    """A message box with named buttons; returns the label clicked (None for Close/Esc)."""
    box = QMessageBox(icon, title, text, parent=parent)
    if detail:
        box.setInformativeText(detail)
    made = {box.addButton(label, QMessageBox.ButtonRole.ActionRole): label for label in buttons}
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    return made.get(box.clickedButton())


def _choose_file(parent: QWidget | None, new: bool) -> Path | None:
    if new:
        chosen, _ = QFileDialog.getSaveFileName(parent, "New store", "editor_app.sqlite", "SQLite stores (*.sqlite)")
    else:
        chosen, _ = QFileDialog.getOpenFileName(
            parent, "Open store", "", "SQLite stores (*.sqlite *.db);;All files (*)"
        )
    return Path(chosen) if chosen else None


def open_store_interactively(db_path: Path | str | None, parent: QWidget | None = None) -> OpenedStore | None:
    if is_server_url(db_path):
        return _open_server(str(db_path), parent)
    path = Path(db_path) if db_path else default_store_path()
    while True:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            answer = _ask(
                parent,
                QMessageBox.Icon.Critical,
                "Cannot open the store",
                f"The folder {path.parent} cannot be created: {exc.strerror or exc}.",
                ["Open Another File…", "Create a New Store…"],
            )
            if answer is None or (path := _choose_file(parent, answer.startswith("Create"))) is None:
                return None
            continue
        lock = StoreLock(path)
        try:
            acquired = lock.acquire()
        except LockFileError as exc:
            opened = _open_without_lock(path, exc, parent)
            if isinstance(opened, Path):
                path = opened
                continue
            return opened
        if not acquired:
            holder = lock.holder()
            who = holder.describe() if holder else "another program"
            answer = _ask(
                parent,
                QMessageBox.Icon.Warning,
                "The store is already open",
                f"{path} is open in another Editor App window ({who}). Two windows never write to the same store.",
                ["Bring That Window Forward", "Open Read-Only", "Open Another File…"],
                "Keep writing in the other window, or open this one read-only.",
            )
            if answer == "Bring That Window Forward":
                from editor_app.ui.window.instance_link import ask_running_instance_to_raise

                if ask_running_instance_to_raise(path):
                    return None  # the running window is in front; this start ends here
                QMessageBox.information(
                    parent,
                    "No answer",
                    "The other window did not answer (it may be on another computer). "
                    "Open this store read-only, or another file.",
                )
                continue
            if answer == "Open Read-Only":
                try:
                    return OpenedStore(open_store(path, read_only=True), None)
                except StoreError as exc:
                    QMessageBox.critical(parent, "Cannot open the store", str(exc))
                    return None
            if answer is None or (path := _choose_file(parent, False)) is None:
                return None
            continue
        opened = _open_locked(path, lock, parent)
        if opened is None:
            lock.release()
            return None
        if isinstance(opened, Path):  # the writer chose another file
            lock.release()
            path = opened
            continue
        return opened


def _open_server(url: str, parent: QWidget | None) -> OpenedStore | None:
    """The desk's server: no lock file (the server arbitrates between writers); unreachable, it
    says so and offers to try again or to work on a file."""
    while True:
        try:
            return OpenedStore(open_store(url), None)
        except StoreError as exc:
            answer = _ask(
                parent,
                QMessageBox.Icon.Critical,
                "Cannot reach the desk's server",
                str(exc),
                ["Try Again", "Open a File…"],
            )
            if answer == "Try Again":
                continue
            if answer is None or (path := _choose_file(parent, False)) is None:
                return None
            return open_store_interactively(path, parent)


def _open_read_only(path: Path, reason: str, parent: QWidget | None) -> OpenedStore | Path | None:
    """Read-only with the reason in the window; a store that cannot even be read says why."""
    try:
        return OpenedStore(open_store(path, read_only=True, reason=reason), None)
    except StoreError as exc:
        answer = _ask(parent, QMessageBox.Icon.Critical, "Cannot open the store", str(exc), ["Open Another File…"])
        return _choose_file(parent, False) if answer else None


def _open_without_lock(path: Path, exc: LockFileError, parent: QWidget | None) -> OpenedStore | Path | None:
    """The lock file cannot be made. A store nobody can write here (read-only disk, share or
    folder, read-only file) opens read-only straight away; a writable store whose folder refuses
    the lock is offered read-only, since writing without the lock could let two windows write."""
    if not path.exists():
        answer = _ask(
            parent,
            QMessageBox.Icon.Critical,
            "Cannot create the store",
            f"A new store cannot be created in {path.parent}: {exc}",
            ["Open Another File…", "Create a New Store…"],
        )
        return _choose_file(parent, answer.startswith("Create")) if answer else None
    reason = unwritable_reason(path)
    if reason is not None:
        return _open_read_only(path, reason, parent)
    answer = _ask(
        parent,
        QMessageBox.Icon.Warning,
        "The store cannot be locked",
        f"{path} can be written, but {exc} Without that lock two windows could write to the same store.",
        ["Open Read-Only", "Open Another File…"],
        "Open it read-only to read, copy and export, or make its folder writable and start again.",
    )
    if answer == "Open Read-Only":
        return _open_read_only(path, "its lock file cannot be created", parent)
    return _choose_file(parent, False) if answer else None


def _open_locked(path: Path, lock: StoreLock, parent: QWidget | None) -> OpenedStore | Path | None:
    diagnosis = diagnose(path) if path.exists() else None  # an empty file with backups is damage too
    if diagnosis is not None and diagnosis.damaged:
        backup = newest_good_backup(path)
        buttons = (["Restore Newest Backup"] if backup else []) + ["Open Another File…", "Start a New Store"]
        detail = (
            f"The newest good backup is from {backup.created_at:%d %B %Y, %H:%M} UTC."
            if backup
            else "No good backup of it was found."
        )
        answer = _ask(
            parent,
            QMessageBox.Icon.Critical,
            "The store is damaged",
            f"{path} cannot be used: {diagnosis.detail}\n\nThe file will not be changed.",
            buttons,
            detail + " Whatever you choose, the damaged file is kept.",
        )
        if answer == "Restore Newest Backup" and backup is not None:
            try:
                restore_backup(path, backup.path, lock=lock)
            except StoreError as exc:
                QMessageBox.critical(parent, "Restore failed", str(exc))
                return None
        elif answer == "Start a New Store":
            moved = move_aside(path)
            QMessageBox.information(
                parent, "Damaged store kept", f"The damaged file was moved to {moved}. A new store is created."
            )
        elif answer == "Open Another File…":
            return _choose_file(parent, False)
        else:
            return None
    try:
        maybe_daily_backup(path) if path.exists() and path.stat().st_size else None
    except (BackupError, OSError):
        pass  # a failed backup must not stop the writer; the next start tries again
    try:
        return OpenedStore(open_store(path), lock)
    except StoreError as exc:
        if isinstance(exc, StoreReadOnlyError) and path.is_file():  # e.g. a read-only file
            lock.release()
            return _open_read_only(path, unwritable_reason(path) or str(exc).rstrip("."), parent)
        answer = _ask(
            parent,
            QMessageBox.Icon.Critical,
            "Cannot open the store",
            str(exc),
            ["Open Another File…", "Create a New Store…"],
        )
        if answer is None:
            return None
        return _choose_file(parent, answer.startswith("Create"))
