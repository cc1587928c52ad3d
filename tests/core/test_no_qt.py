"""core, store and services must import (and work) on a machine without Qt."""

import subprocess
import sys
import textwrap


def test_core_and_store_import_with_pyside6_unimportable(tmp_path):
    code = textwrap.dedent(
        """
        import sys, importlib.abc
        class Block(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name == "PySide6" or name.startswith(("PySide6.", "shiboken6", "qtawesome")):
                    raise ImportError("Qt is not installed (simulated)")
                return None
        sys.meta_path.insert(0, Block())
        import pkgutil, importlib, editor_app.core, editor_app.store, editor_app.services
        for pkg in (editor_app.core, editor_app.store, editor_app.services):
            for mod in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
                if ".migrations" in mod.name:
                    continue
                importlib.import_module(mod.name)
        from editor_app.services.opening import open_store
        from editor_app.core.render import render_markdown
        s = open_store(sys.argv[1])
        assert s.count() == 1
        assert "<strong>" in render_markdown("**x**")
        assert not any(m.startswith("PySide6") for m in sys.modules)
        print("OK")
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "s.sqlite")], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("OK")
