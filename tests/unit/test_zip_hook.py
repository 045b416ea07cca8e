"""The zip hook: one deterministic zip of the site after a build, none under `mkdocs serve`."""

import zipfile
from pathlib import Path

from hook_loader import load_hook

ROOT = Path(__file__).resolve().parents[2]


def _hook():
    return load_hook("zip_site")


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "pp").mkdir(parents=True)
    (site / "index.html").write_text("<h1>Home</h1>", encoding="utf-8")
    (site / "pp" / "resolution-130.html").write_text("<h1>Resolution 130</h1>", encoding="utf-8")
    (site / "search").mkdir()
    (site / "search" / "search_index.js").write_text("var __index = {};", encoding="utf-8")
    (site / "search" / "search_index.json").write_text("{}", encoding="utf-8")
    return site


def test_a_build_packs_every_file_read_offline_and_two_builds_give_the_same_bytes(tmp_path):
    hook, site = _hook(), _site(tmp_path)
    hook.on_startup(command="build", dirty=False)
    hook.on_post_build({"site_dir": str(site)})
    first = (site / hook.ZIP_PATH).read_bytes()
    hook.on_post_build({"site_dir": str(site)})
    assert (site / hook.ZIP_PATH).read_bytes() == first
    with zipfile.ZipFile(site / hook.ZIP_PATH) as archive:
        # Not search_index.json: from file:// Material's search reads search_index.js.
        assert archive.namelist() == [
            "itu-resolutions-site/index.html", "itu-resolutions-site/pp/resolution-130.html",
            "itu-resolutions-site/search/search_index.js",
        ]
        assert archive.read("itu-resolutions-site/pp/resolution-130.html") == b"<h1>Resolution 130</h1>"


def test_the_live_preview_makes_no_zip(tmp_path):
    hook, site = _hook(), _site(tmp_path)
    hook.on_startup(command="serve", dirty=True)
    hook.on_post_build({"site_dir": str(site)})
    assert not (site / hook.ZIP_PATH).exists()


class _Page:
    class file:  # noqa: N801 - stands in for mkdocs' File
        dest_uri = "pp/resolution-130.html"


def test_a_page_is_packed_as_it_is_written_and_the_other_files_after_it(tmp_path):
    hook, site = _hook(), _site(tmp_path)
    hook.on_startup(command="build", dirty=False)
    # MkDocs hands the page over before writing it: the zip holds the bytes it writes.
    written = "<h1>Résolution 130 \U0001f600</h1>"
    assert hook.on_post_page(written, page=_Page(), config={"site_dir": str(site)}) == written
    (site / "pp" / "resolution-130.html").write_bytes(written.encode("utf-8"))
    hook.on_post_build({"site_dir": str(site)})
    with zipfile.ZipFile(site / hook.ZIP_PATH) as archive:
        assert archive.namelist() == [
            "itu-resolutions-site/pp/resolution-130.html", "itu-resolutions-site/index.html",
            "itu-resolutions-site/search/search_index.js",
        ]
        assert archive.read("itu-resolutions-site/pp/resolution-130.html") == written.encode("utf-8")
