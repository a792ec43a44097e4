"""Bad routine files, made by hypothesis (issue 17, item 5): broken,
truncated, wrongly typed and out-of-range routine files fed to the loader
(`UserRoutines.load_into`) and the importer (`read_shared`). Each is one
sentence naming the file and the field (or, for text that is not TOML, the
line), never a traceback, and every other routine still loads."""

from __future__ import annotations

import datetime
import math
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.core.catalog.limits import item_limits
from coach.core.catalog.loader import load_shipped
from coach.core.catalog.model import Catalog, Routine
from coach.core.catalog.share import FORMAT, FORMAT_VERSION, SUFFIX, read_shared
from coach.core.catalog.user import UserRoutines
from coach.core.errors import CatalogError

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@cache
def shipped() -> Catalog:
    return load_shipped()


def fresh_catalog() -> Catalog:
    catalog = shipped()
    return Catalog(exercises=catalog.exercises, routines=dict(catalog.routines))


# --- TOML text of any value (inline tables and arrays only) ----------------


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        escaped = "".join(c if c.isprintable() or c == " " else _escape(c) for c in escaped)
        return f'"{escaped}"'
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(value)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def toml_key(key: str) -> str:
    return (
        key
        if key.replace("-", "").replace("_", "").isalnum() and key.isascii()
        else toml_value(key)
    )


def toml_document(table: dict[str, Any]) -> str:
    return "".join(f"{toml_key(k)} = {toml_value(v)}\n" for k, v in table.items())


# --- valid routines ----------------------------------------------------------


@st.composite
def valid_items(draw: st.DrawFn) -> dict[str, Any]:
    catalog = shipped()
    ex = catalog.exercise(draw(st.sampled_from(sorted(catalog.exercises))))
    item: dict[str, Any] = {"exercise": ex.id}
    for field, limit in item_limits(ex).items():
        if draw(st.booleans()):
            item[field] = draw(st.integers(limit.minimum, limit.maximum))
    if ex.side_count == 2 and draw(st.booleans()):
        item["sides"] = draw(st.sampled_from(["both", "left", "right"]))
    return item


@st.composite
def valid_routines(draw: st.DrawFn, routine_id: str) -> dict[str, Any]:
    table: dict[str, Any] = {"id": routine_id, "name": draw(st.sampled_from(["Mine", "Évening ✓"]))}
    if draw(st.booleans()):
        table["description"] = "Something for the back."
    if draw(st.booleans()):
        frequency: dict[str, Any] = {
            "times_per_day": draw(st.integers(1, 12)),
            "days_per_week": draw(st.integers(1, 7)),
        }
        if draw(st.booleans()):
            frequency["every_hours"] = draw(st.sampled_from([0.5, 1.0, 2, 3.5, 8]))
        table["frequency"] = frequency
    table["items"] = draw(st.lists(valid_items(), min_size=1, max_size=4))
    return table


# --- what breaks them ----------------------------------------------------------

WRONG_TYPES = st.one_of(
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=8),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.sampled_from(["a", "min"]), st.integers(), max_size=2),
    st.dates(),
)


def paths_in(table: dict[str, Any]) -> list[tuple[str, ...]]:
    """Every field that can be broken: ('name',), ('items', '1', 'hold_s'), ..."""
    found: list[tuple[str, ...]] = []
    for key, value in table.items():
        found.append((key,))
        if key == "frequency" and isinstance(value, dict):
            found += [(key, sub) for sub in value]
        if key == "items":
            for index, item in enumerate(value):
                found.append((key, str(index)))
                found += [(key, str(index), sub) for sub in item]
    return found


def label(path: tuple[str, ...]) -> str:
    """How a message names a field: 'items[1].hold_s', 'frequency.every_hours'."""
    if path[0] == "items" and len(path) > 1:
        return f"items[{path[1]}]" + (f".{path[2]}" if len(path) > 2 else "")
    return ".".join(path)


def container(table: dict[str, Any], path: tuple[str, ...]) -> tuple[Any, Any]:
    if len(path) == 1:
        return table, path[0]
    if path[0] == "items":
        items = table["items"]
        if len(path) == 2:
            return items, int(path[1])
        return items[int(path[1])], path[2]
    return table[path[0]], path[1]


@st.composite
def broken(draw: st.DrawFn, table: dict[str, Any]) -> tuple[bytes, str | None]:
    """A broken version of `table`'s file, and the field the error must name
    (None: not a field - the text itself is broken)."""
    how = draw(st.sampled_from(["type", "range", "missing", "unknown", "truncate", "bytes"]))
    text = toml_document(table).encode()
    if how == "truncate":
        return text[: draw(st.integers(0, len(text) - 1))], None
    if how == "bytes":
        at = draw(st.integers(0, len(text)))
        junk = draw(st.sampled_from([b"\xff\xfe", b"\x00", b"[[", b"= =", b'"', b"\n[items]\n"]))
        return text[:at] + junk + text[at:], None
    path = draw(st.sampled_from(paths_in(table)))
    where, key = container(table, path)
    if how == "type":
        value = draw(WRONG_TYPES)
        where[key] = value
    elif how == "range":
        if path[-1] in ("id", "exercise"):
            where[key] = draw(
                st.sampled_from(["Not Kebab", "../../etc/passwd", "no-such-exercise"])
            )
        elif path[-1] in ("name", "description"):
            where[key] = "   "
        elif path[-1] == "sides":
            where[key] = draw(st.sampled_from(["up", "each", ""]))
        else:
            where[key] = draw(st.sampled_from([-1, 0, 13, 601, 10**9, -(10**9)]))
    elif how == "missing":
        if isinstance(where, list):
            where[key] = {}
        else:
            del where[key]
    else:
        if isinstance(where, list):
            where[key]["bogus"] = 1
            path = (*path, "bogus")
        else:
            where["bogus"] = 1
            path = (*path[:-1], "bogus")
    return toml_document(table).encode(), label(path)


def check_sentence(message: str, file: Path, field: str | None) -> None:
    assert "\n" not in message and "Traceback" not in message, message
    assert message.endswith("."), message
    assert str(file) in message, message
    named = "field '" in message or "is not valid TOML" in message
    assert named, message


def field_named(message: str, field: str | None, loaded: Routine | None) -> None:
    """The message names the field broken - or the file still loaded because
    the change left it valid (an out-of-range value that happened to be in
    range, a wrong type the field accepts)."""
    if field is None or loaded is not None:
        return
    assert f"field '{field}" in message, (field, message)


# --- the loader ------------------------------------------------------------------


@FUZZ
@given(st.data())
def test_a_bad_user_routine_file_is_one_sentence_and_the_rest_load(data: st.DataObject) -> None:
    good = [data.draw(valid_routines(f"good-{n}"), label=f"good-{n}") for n in range(2)]
    bad_table = data.draw(valid_routines("bad"), label="bad")
    raw, field = data.draw(broken(bad_table), label="broken")
    with tempfile.TemporaryDirectory() as folder:
        mine = UserRoutines(Path(folder))
        for table in good:
            (mine.folder / f"{table['id']}.toml").write_text(toml_document(table))
        bad = mine.folder / "bad.toml"
        bad.write_bytes(raw)
        catalog = fresh_catalog()
        mine.load_into(catalog)  # never raises
        for table in good:
            assert catalog.routine(table["id"]).user
        assert set(shipped().routines) <= set(catalog.routines)
        loaded = catalog.routines.get("bad")
        if loaded is None:
            assert len(catalog.problems) == 1, catalog.problems
            check_sentence(catalog.problems[0], bad, field)
            field_named(catalog.problems[0], field, loaded)
        else:
            assert catalog.problems == []


# --- the importer ----------------------------------------------------------------


@FUZZ
@given(st.data())
def test_a_bad_shared_file_is_one_sentence(data: st.DataObject) -> None:
    table = {"format": FORMAT, "format_version": FORMAT_VERSION}
    table.update(data.draw(valid_routines("shared"), label="shared"))
    raw, field = data.draw(broken(table), label="broken")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"x{SUFFIX}"
        path.write_bytes(raw)
        try:
            routine: Routine | None = read_shared(path, fresh_catalog())
        except CatalogError as exc:
            routine = None
            check_sentence(str(exc), path, field)
            field_named(str(exc), field, routine)
        # Whatever was read is a routine the loader accepts as it is.
        if routine is not None:
            assert routine.items and routine.user
