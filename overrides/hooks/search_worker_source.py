"""MkDocs hook: Material's search worker, as a script a page opened from file:// can load.

docs/assets/javascripts/search-worker.js starts the search worker from a Blob, so that building
the search index does not stop the page from answering (see that file). The Blob's code must be
on the page already, since a page opened from file:// can read no file: after the build, this
writes Material's worker (assets/javascripts/workers/search.<hash>.min.js, as the theme copied it)
into assets/javascripts/search-worker-source.js as `window.__searchWorker = {name, code}`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

SOURCE_PATH = "assets/javascripts/search-worker-source.js"
_WORKERS = "assets/javascripts/workers"
# The worker's own source map comment: from a Blob it would point nowhere.
_SOURCE_MAP = re.compile(r"\n?//# sourceMappingURL=\S*\s*$")


def on_post_build(config, **kwargs) -> None:  # noqa: ANN001 - MkDocs hook signature
    site = Path(config["site_dir"])
    workers = sorted((site / _WORKERS).glob("search.*.min.js"))
    if len(workers) != 1:
        raise PluginError(f"search_worker_source: expected one search worker in {_WORKERS}, found {len(workers)}")
    code = _SOURCE_MAP.sub("", workers[0].read_text(encoding="utf-8"))
    # json.dumps gives a JavaScript string literal; "</" is escaped too, so no text closes a <script>.
    literal = json.dumps({"name": workers[0].name, "code": code}, ensure_ascii=True).replace("</", "<\\/")
    (site / SOURCE_PATH).write_text(f"window.__searchWorker = {literal};\n", encoding="utf-8")
