"""The MkDocs hooks of overrides/hooks/, loaded as modules for tests (MkDocs loads them by path)."""

import importlib.util
import sys
from pathlib import Path

HOOKS = Path(__file__).resolve().parents[2] / "overrides" / "hooks"


def load_hook(name: str):
    """A fresh module of overrides/hooks/<name>.py (its module state starts anew)."""
    # Named and registered as MkDocs does: by the path in mkdocs.yml (dataclasses look their module up
    # there; pickle finds nothing by such a name).
    module_name = f"overrides/hooks/{name}.py"
    spec = importlib.util.spec_from_file_location(module_name, HOOKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    path = sys.path.copy()
    sys.path.insert(0, str(HOOKS))  # as MkDocs, while the hook loads: hooks import hook_cores
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = path
    return module
