"""The search_worker_source hook: Material's search worker, as a script a file:// page can load."""

import json

import pytest
from hook_loader import load_hook
from mkdocs.exceptions import PluginError


def test_the_worker_code_is_written_as_a_script_that_no_text_can_close(tmp_path):
    workers = tmp_path / "assets" / "javascripts" / "workers"
    workers.mkdir(parents=True)
    code = 'self.onmessage = () => postMessage("</script><b>");'
    (workers / "search.abc123.min.js").write_text(code + "\n//# sourceMappingURL=search.abc123.min.js.map\n", encoding="utf-8")
    (workers / "search.abc123.min.js.map").write_text("{}", encoding="utf-8")
    load_hook("search_worker_source").on_post_build({"site_dir": str(tmp_path)})
    script = (tmp_path / "assets" / "javascripts" / "search-worker-source.js").read_text(encoding="utf-8")
    assert script.startswith("window.__searchWorker = ") and "</script>" not in script
    value = json.loads(script.removeprefix("window.__searchWorker = ").rstrip().removesuffix(";"))
    assert value == {"name": "search.abc123.min.js", "code": code}


def test_a_theme_without_exactly_one_search_worker_stops_the_build_with_a_message(tmp_path):
    (tmp_path / "assets" / "javascripts" / "workers").mkdir(parents=True)
    with pytest.raises(PluginError, match="expected one search worker"):
        load_hook("search_worker_source").on_post_build({"site_dir": str(tmp_path)})
