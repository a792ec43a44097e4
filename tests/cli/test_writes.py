"""Writes that cannot half-happen (issue 13, item 5): `coach print` and
`coach render` write a temporary file beside the target, fsync it and rename
it over a regular file only. A special file (a device such as /dev/full, a
named pipe, a folder) or a failed write (a full disk) is one sentence and a
non-zero exit, and the old file stays as it was."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from coach import cli
from coach.core import files
from coach.core.files import PRIVATE, CannotWrite, write_bytes, write_text

ROOT = Path(__file__).resolve().parents[2]
OLD = b"the old file, kept\n"


def _run(argv: list[str], capsys) -> tuple[int, str, str]:
    try:
        code = cli.main(argv)
    except SystemExit as exit_:
        code = exit_.code
    said = capsys.readouterr()
    return code, said.out, said.err


def _one_sentence(err: str) -> None:
    assert err.startswith("coach: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and "Something went wrong" not in err, err


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _full_disk(monkeypatch) -> None:
    """The disk fills up while the new file is written: the data is
    accepted into the page cache and refused when it is made durable."""

    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", fsync)


# -- the helper ------------------------------------------------------------------


def test_a_new_file_is_whole_and_private_when_asked(tmp_path, umask_022):
    write_text(tmp_path / "a.csv", "x,y\n", mode=PRIVATE)
    write_bytes(tmp_path / "a.png", b"png")
    assert (tmp_path / "a.csv").read_text() == "x,y\n"
    assert stat.S_IMODE((tmp_path / "a.csv").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "a.png").stat().st_mode) == 0o644
    assert _leftovers(tmp_path) == []


def test_private_tightens_an_old_file_and_shared_keeps_its_mode(tmp_path):
    old = tmp_path / "old.csv"
    old.write_bytes(OLD)
    old.chmod(0o644)
    write_text(old, "new\n", mode=PRIVATE)
    assert stat.S_IMODE(old.stat().st_mode) == 0o600
    pdf = tmp_path / "old.pdf"
    pdf.write_bytes(OLD)
    pdf.chmod(0o640)
    write_bytes(pdf, b"%PDF")
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o640 and pdf.read_bytes() == b"%PDF"


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    old = tmp_path / "cards.pdf"
    old.write_bytes(OLD)
    _full_disk(monkeypatch)
    with pytest.raises(CannotWrite) as info:
        write_bytes(old, b"%PDF-1.4 new and longer")
    assert str(info.value) == f"Cannot write {old}: the disk is full."
    assert old.read_bytes() == OLD
    assert _leftovers(tmp_path) == []


def test_an_error_in_the_block_leaves_the_old_file(tmp_path):
    old = tmp_path / "x.csv"
    old.write_bytes(OLD)
    with pytest.raises(ZeroDivisionError), files.replacing(old) as handle:
        handle.write(b"half")
        raise ZeroDivisionError
    assert old.read_bytes() == OLD and _leftovers(tmp_path) == []


def test_a_link_is_followed_to_its_file_and_a_dangling_link_is_refused(tmp_path):
    real = tmp_path / "real.pdf"
    real.write_bytes(OLD)
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    write_bytes(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
    dangling = tmp_path / "dangling.pdf"
    dangling.symlink_to(tmp_path / "nowhere.pdf")
    with pytest.raises(CannotWrite, match=r"is a link to .*nowhere\.pdf, which does not exist"):
        write_bytes(dangling, b"new")
    assert not (tmp_path / "nowhere.pdf").exists()


def test_special_files_are_refused_and_left_alone(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(CannotWrite) as info:
        write_bytes(fifo, b"x")
    assert str(info.value) == (
        f"Cannot write {fifo}: it is a named pipe, not a regular file, and is left as it is."
    )
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    with pytest.raises(CannotWrite, match=r"is a folder; give the name of a file inside it\.$"):
        write_bytes(tmp_path, b"x")
    with pytest.raises(CannotWrite, match=r"the folder .* does not exist\.$"):
        write_bytes(tmp_path / "missing" / "x.pdf", b"x")
    (tmp_path / "plain").write_bytes(b"")
    with pytest.raises(CannotWrite, match=r"plain is a file, not a folder\.$"):
        write_bytes(tmp_path / "plain" / "x.pdf", b"x")


# -- coach print and coach render --------------------------------------------------


def test_print_to_a_full_disk_says_so_and_keeps_the_old_pdf(qapp, tmp_path, capsys, monkeypatch):
    out = tmp_path / "cards.pdf"
    out.write_bytes(OLD)
    _full_disk(monkeypatch)
    code, said, err = _run(["print", "bedtime-five", "-o", str(out)], capsys)
    assert (code, said) == (1, "")  # never "Wrote 6 cards"
    assert err == f"coach: Cannot write {out}: the disk is full.\n"
    assert out.read_bytes() == OLD and _leftovers(tmp_path) == []


def test_render_to_a_full_disk_says_so_and_keeps_the_old_png(qapp, tmp_path, capsys, monkeypatch):
    out = tmp_path / "figure.png"
    out.write_bytes(OLD)
    _full_disk(monkeypatch)
    code, said, err = _run(["render", "childs-pose", "-o", str(out), "--size", "64x64"], capsys)
    assert (code, said) == (1, "")
    assert err == f"coach: Cannot write {out}: the disk is full.\n"
    assert out.read_bytes() == OLD and _leftovers(tmp_path) == []


@pytest.mark.parametrize("command", ["print", "render"])
def test_a_named_pipe_is_refused_and_stays(qapp, tmp_path, capsys, command):
    fifo = tmp_path / ("out.pdf" if command == "print" else "out.png")
    os.mkfifo(fifo)
    what = "bedtime-five" if command == "print" else "childs-pose"
    code, said, err = _run([command, what, "-o", str(fifo)], capsys)
    assert (code, said) == (1, "")
    _one_sentence(err)
    assert "is a named pipe, not a regular file" in err
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and _leftovers(tmp_path) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
@pytest.mark.parametrize("command", ["print", "render"])
def test_a_device_is_refused_and_stays(qapp, tmp_path, capsys, command):
    """`-o /dev/full` run as root used to replace the device node with a PDF;
    a node of our own (the same device numbers as /dev/full) stands in."""
    node = tmp_path / "full"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    what = "bedtime-five" if command == "print" else "childs-pose"
    name = "full.pdf" if command == "print" else "full.png"
    (tmp_path / name).symlink_to(node)  # the name says .pdf, the file is a device
    code, said, err = _run([command, what, "-o", str(tmp_path / name)], capsys)
    assert (code, said) == (1, "")
    assert err == (
        f"coach: Cannot write {tmp_path / name}: it is a device, not a regular file, "
        "and is left as it is.\n"
    )
    assert stat.S_ISCHR(node.lstat().st_mode) and _leftovers(tmp_path) == []


@pytest.mark.parametrize("name", ["cards.png", "cards", "cards.pdf.txt"])
def test_print_wants_a_pdf_name(qapp, tmp_path, capsys, name):
    folder = tmp_path / "out"
    folder.mkdir()
    code, said, err = _run(["print", "desk-break", "-o", str(folder / name)], capsys)
    assert (code, said) == (1, "")
    _one_sentence(err)
    assert "the file name must end in .pdf" in err
    assert list(folder.iterdir()) == []


def test_print_takes_an_upper_case_pdf_name(qapp, tmp_path, capsys):
    code, said, _err = _run(["print", "desk-break", "-o", str(tmp_path / "CARDS.PDF")], capsys)
    assert code == 0 and said.startswith("Wrote 2 cards")


# -- a real full disk, in a private mount namespace ---------------------------------

IN_NAMESPACE = textwrap.dedent("""
    import sys
    from coach import cli
    sys.exit(cli.main(sys.argv[1:]))
""")


def _namespace_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    with tempfile.TemporaryDirectory() as folder:
        probe = subprocess.run(
            ["unshare", "-m", "sh", "-c", f"mount -t tmpfs tmpfs {folder}"],
            capture_output=True,
            check=False,
        )
    return probe.returncode == 0


@pytest.mark.skipif(not _namespace_works(), reason="needs root and unshare -m (mount namespaces)")
@pytest.mark.parametrize(
    "argv",
    [
        ["print", "bedtime-five", "-o", "{out}.pdf"],
        ["render", "childs-pose", "-o", "{out}.png", "--size", "2000x2000"],
    ],
)
def test_a_real_full_disk(tmp_path, argv):
    """A 64 kB tmpfs holding an old file: the new PDF or PNG does not fit."""
    mount_point = tmp_path / "mnt"
    mount_point.mkdir()
    out = mount_point / "old"
    argv = [arg.format(out=out) for arg in argv]
    script = (
        f"mount -t tmpfs -o size=64k tmpfs {mount_point} && "
        f"printf 'the old file, kept\\n' > {argv[3]} && "
        f'{sys.executable} -c "$0" "$@"; code=$?; '
        f"cat {argv[3]}; ls -a {mount_point}; exit $code"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COACH_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", script, IN_NAMESPACE, *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stderr == f"coach: Cannot write {argv[3]}: the disk is full.\n"
    name = Path(argv[3]).name
    assert result.stdout.split("\n") == [OLD.decode().strip(), ".", "..", name, ""]
