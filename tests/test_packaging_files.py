"""The desktop entry, AppStream metainfo and menu install script.

The validators run where they are installed (Debian: desktop-file-utils,
appstream) and the tests skip otherwise. Building the bundle is slow and
belongs to packaging/ci-check.sh, not here.
"""

from __future__ import annotations

import configparser
import os
import shutil
import stat
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import coach

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.stretchcoach.StretchCoach"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"


def _desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_starts_the_gui_script_with_the_app_icon():
    entry = _desktop_entry(DESKTOP)
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert entry["Exec"] == "stretch-coach"
    assert "stretch-coach" in scripts["gui-scripts"]
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"


def test_metainfo_matches_the_desktop_entry_and_the_version():
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.find("content_rating").get("type").startswith("oars-")
    binaries = {b.text for b in root.iter("binary")}
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert binaries == set(scripts["scripts"]) | set(scripts["gui-scripts"])
    versions = [r.get("version") for r in root.iter("release")]
    assert versions[0] == coach.__version__, "add a <release> for the new version"
    assert root.find("url[@type='homepage']").text.startswith("https://")
    assert all(i.text.startswith("https://") for i in root.iter("image"))


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils missing")
def test_desktop_entry_validates():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream missing")
def test_metainfo_validates():
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _install(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(tmp_path / "home")}
    return subprocess.run(
        ["bash", str(PACKAGING / "install-desktop.sh"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_install_script_puts_entry_icons_and_metainfo_under_the_prefix(tmp_path):
    program = tmp_path / "my venv" / "bin" / "stretch-coach"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\n")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    prefix = tmp_path / "prefix"

    result = _install(tmp_path, "--prefix", str(prefix), "--exec", str(program))
    assert result.returncode == 0, result.stderr
    share = prefix / "share"
    entry = _desktop_entry(share / "applications" / DESKTOP.name)
    assert entry["Exec"] == f'"{program}"'  # quoted: the path has a space
    assert entry["TryExec"] == str(program)
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (share / "metainfo" / METAINFO.name).is_file()

    result = _install(tmp_path, "--prefix", str(prefix), "--uninstall")
    assert result.returncode == 0, result.stderr
    left = [p for p in share.rglob("*") if p.is_file() and APP_ID in p.name]
    assert left == []


def test_install_script_refuses_a_missing_program_in_one_sentence(tmp_path):
    result = _install(tmp_path, "--prefix", str(tmp_path / "p"), "--exec", str(tmp_path / "nope"))
    assert result.returncode != 0
    assert result.stderr.startswith("install-desktop: ") and len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "p" / "share" / "applications").exists()


def test_every_package_of_the_code_ships_in_the_wheel():
    """pyproject lists the packages by hand (the assets folder is mapped in);
    a subpackage missing there is missing from `pip install .` and the bundle,
    and only fails when its window is first opened."""
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "coach").rglob("__init__.py")
    }
    assert on_disk - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
