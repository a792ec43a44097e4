"""Command line: argument parsing only; each subcommand is a thin call into
core or ui. Errors reach the user as one sentence on stderr, never a traceback."""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import secrets
import sys
import traceback
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from coach import __version__
from coach.core.errors import CoachError
from coach.paths import make_private_dir, state_dir

# Characters that break or overwrite a terminal line (str.splitlines' line
# boundaries, the other C0 and C1 controls, DEL), shown escaped instead: a
# name typed with a newline in it must not split the one sentence in two.
_UNPRINTABLE = {
    **{code: f"\\x{code:02x}" for code in (*range(0x20), 0x7F, *range(0x80, 0xA0))},
    0x09: "\\t",
    0x0A: "\\n",
    0x0D: "\\r",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def say(text: str) -> None:
    """One line on stderr, 'coach: ' first; whatever the text holds (a name
    the user typed, a path) stays on that line."""
    sys.stderr.write(f"coach: {text.translate(_UNPRINTABLE)}\n")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        say(f"{message[0].upper()}{message[1:]}. Try 'coach --help'.")
        raise SystemExit(2)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part, 10) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 800x600, not '{text}'") from None
    if not (16 <= width <= 8000 and 16 <= height <= 8000):
        raise argparse.ArgumentTypeError(f"size {text} is outside 16x16 to 8000x8000")
    return width, height


def _number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"'{text}' is not a finite number")
    return value


def _time_scale(text: str) -> float:
    value = _number(text)
    if not 0.1 <= value <= 1000:
        raise argparse.ArgumentTypeError(f"the time scale must be from 0.1 to 1000, not {text}")
    return value


MAX_TIME_S = 3600.0  # no phase is longer than the longest hold (600 s); an hour is plenty


def _time(text: str) -> float:
    value = _number(text)
    if not 0 <= value <= MAX_TIME_S:
        raise argparse.ArgumentTypeError(
            f"the time into the phase must be from 0 to {MAX_TIME_S:g} seconds, not {text}"
        )
    return value


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        # Each subcommand repeats the option; without SUPPRESS its default None
        # would overwrite a --data-dir given before the subcommand.
        default=argparse.SUPPRESS,
        help="folder for the session log (default: COACH_DATA_DIR or the per-user data folder)",
    )
    parser = _Parser(
        prog="coach",
        parents=[common],
        description="Stretch Coach: follow lower-back stretches at your desk.",
    )
    parser.add_argument("--version", action="version", version=f"coach {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    play = sub.add_parser(
        "play", parents=[common], help="open the player on a routine and start it"
    )
    play.add_argument("routine", metavar="ROUTINE")
    play.add_argument(
        "--time-scale",
        type=_time_scale,
        default=1.0,
        metavar="K",
        help="run the session clock K times faster (demos and tests)",
    )
    play.add_argument(
        "--compact", action="store_true", help="start in the small always-on-top window"
    )

    listing = sub.add_parser("list", parents=[common], help="list exercises and routines")
    listing.add_argument("--json", action="store_true", help="print JSON")

    render = sub.add_parser("render", parents=[common], help="draw one frame of an exercise to PNG")
    render.add_argument("exercise", metavar="EXERCISE", nargs="?")
    render.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="PNG file (with --all: a folder)"
    )
    render.add_argument(
        "--phase",
        default="hold",
        metavar="PHASE",
        help="start, move, hold, release or walk (default hold)",
    )
    render.add_argument("--side", choices=("left", "right"), default="left")
    render.add_argument("--size", type=_size, default=(800, 800), metavar="WxH")
    render.add_argument(
        "--time", type=_time, default=None, metavar="T", help="seconds into the phase"
    )
    render.add_argument("--all", action="store_true", help="write a contact sheet per exercise")

    printing = sub.add_parser("print", parents=[common], help="print a routine's cards to PDF")
    printing.add_argument("routine", metavar="ROUTINE")
    printing.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    printing.add_argument("--per-page", type=int, choices=(1, 2, 4), default=2)
    printing.add_argument("--paper", choices=("a4", "letter"), default="a4")

    _routine_parser(sub, common)

    history = sub.add_parser("history", parents=[common], help="print the session log")
    form = history.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true")
    form.add_argument("--csv", action="store_true")
    history.add_argument("--since", metavar="YYYY-MM-DD")
    return parser


def _routine_parser(sub: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    routine = sub.add_parser(
        "routine", parents=[common], help="list, show, copy, share and delete routines"
    )
    actions = routine.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    actions.required = True
    actions.add_parser("list", parents=[common], help="every routine, yours and shipped")
    show = actions.add_parser("show", parents=[common], help="one routine, item by item")
    show.add_argument("routine", metavar="ID")
    new = actions.add_parser("new", parents=[common], help="a routine of your own, copied")
    new.add_argument("--from", dest="source", required=True, metavar="ID")
    new.add_argument("--name", metavar="NAME", help="its name (default: '<name> (copy)')")
    imports = actions.add_parser(
        "import", parents=[common], help="add a routine from a .stretchroutine file"
    )
    imports.add_argument("file", metavar="FILE")
    clash = imports.add_mutually_exclusive_group()
    clash.add_argument(
        "--replace", action="store_true", help="overwrite your routine of the same id"
    )
    clash.add_argument("--as-new", action="store_true", help="give it a new id made from its name")
    export = actions.add_parser(
        "export", parents=[common], help="write a routine to a .stretchroutine file"
    )
    export.add_argument("routine", metavar="ID")
    export.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="the file; .stretchroutine is added when the name lacks it",
    )
    delete = actions.add_parser("delete", parents=[common], help="delete a routine of yours")
    delete.add_argument("routine", metavar="ID")


def _routine(args: argparse.Namespace, data_dir: Path | None) -> int:
    """`coach routine ACTION`: typed calls into coach.core.catalog.commands."""
    from coach.core.catalog import commands
    from coach.core.catalog.listing import routine_as_text, routines_as_text
    from coach.core.catalog.user import load_with_user, user_routines

    catalog = load_with_user(data_dir)
    mine = user_routines(data_dir)
    action = args.action
    if action in ("list", "show"):
        for problem in catalog.problems:
            say(problem)
        if action == "list":
            print(routines_as_text(catalog))
        else:
            print(routine_as_text(catalog.routine(args.routine), catalog))
    elif action == "new":
        print(commands.new_from(catalog, mine, args.source, args.name))
    elif action == "import":
        print(
            commands.import_file(
                catalog, mine, Path(args.file), replace_existing=args.replace, as_new=args.as_new
            )
        )
    elif action == "export":
        print(commands.export_to(catalog, args.routine, Path(args.output)))
    else:
        print(commands.delete(catalog, mine, args.routine))
    return 0


def _list(args: argparse.Namespace, data_dir: Path | None) -> int:
    from coach.core.catalog.listing import catalog_as_dict, catalog_as_text
    from coach.core.catalog.user import load_with_user

    catalog = load_with_user(data_dir)
    for problem in catalog.problems:
        say(problem)
    if args.json:
        print(json.dumps(catalog_as_dict(catalog), indent=2))
    else:
        print(catalog_as_text(catalog))
    return 0


def _dispatch(args: argparse.Namespace) -> int:
    """The one place that reads the namespace: each command gets typed arguments."""
    data_dir = Path(args.data_dir) if args.data_dir else None
    command = args.command
    if command == "list":
        return _list(args, data_dir)
    if command == "routine":
        return _routine(args, data_dir)
    if command == "history":
        from coach.core.log.export import history_output

        form = "json" if args.json else "csv" if args.csv else "text"
        text, notice = history_output(data_dir, form=form, since=args.since)
        if notice:
            say(notice)
        sys.stdout.write(text)
        return 0
    if command == "render":
        from coach.ui.figure.render import contact_sheets_to, render_to_png

        if args.all:
            print(contact_sheets_to(Path(args.output)))
        elif not args.exercise:
            raise CoachError("Name the exercise to draw, or use --all for every exercise.")
        else:  # a single frame prints nothing, like other image tools
            render_to_png(
                args.exercise,
                Path(args.output),
                phase=args.phase,
                side=args.side,
                size=args.size,
                time=args.time,
            )
        return 0
    if command == "print":
        from coach.core.catalog.user import load_with_user
        from coach.ui.cards.printing import print_to_pdf

        catalog = load_with_user(data_dir)
        said = print_to_pdf(
            args.routine,
            Path(args.output),
            per_page=args.per_page,
            paper=args.paper,
            catalog=catalog,
        )
        # Other files' problems once the cards are written; a failure is one
        # sentence (the routine's own problem is in it when that is the cause).
        for problem in catalog.problems:
            say(problem)
        print(said)
        return 0
    from coach.ui.app import run_app

    if command == "play":
        return run_app(data_dir, args.routine, time_scale=args.time_scale, compact=args.compact)
    return run_app(data_dir)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if "data_dir" not in args:
        args.data_dir = None
    try:
        code = _dispatch(args)
        sys.stdout.flush()  # a closed pipe shows here, not at the interpreter's exit
        return code
    except CoachError as exc:
        say(str(exc))
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader stopped early (`coach list | head`): nothing to report.
        # stdout goes to /dev/null so the final flush at exit cannot fail again.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # as if SIGPIPE had ended the process, like other tools
    except Exception as exc:  # a bug: one sentence here, the details in a private file
        report = _write_crash_log(state_dir(args.data_dir))
        where = (
            f"details are in {report}"
            if report is not None
            else "the details could not be written to a file"
        )
        say(f"Something went wrong ({type(exc).__name__}: {exc}); {where}. Please report it.")
        return 70


CRASH_DIR = "crash-reports"


def _write_crash_log(folder: Path) -> Path | None:
    """Write the current exception's traceback to a new file in
    `folder/crash-reports` (0700): a unique name, created exclusively, never
    through a link, readable by the user only (0600). Returns the file, or
    None when it could not be written in full."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"crash-{stamp}-{os.getpid()}-{secrets.token_hex(4)}.txt"
    text = f"coach {__version__}, Python {sys.version.split()[0]}\n{traceback.format_exc()}"
    reports = folder / CRASH_DIR
    dir_fd = fd = -1
    try:
        make_private_dir(reports)
        # The folder itself is opened without following a link, and the file
        # is created relative to it: a link planted at either is refused.
        dir_fd = os.open(reports, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
        fd = os.open(name, flags, 0o600, dir_fd=dir_fd)
        data = text.encode("utf-8", "replace")
        while data:
            data = data[os.write(fd, data) :]
        os.fsync(fd)
    except OSError:
        return None
    finally:
        for open_fd in (fd, dir_fd):
            if open_fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(open_fd)
    return reports / name
