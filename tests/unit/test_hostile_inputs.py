"""Files the console reads cannot hang it, blow its memory or crash it with a traceback.

Every YAML, JSON and TOML document the console loads (guidance scripts, pricing,
capability rules, settings, scenarios, checkpoints) goes through bounded readers:
devices and FIFOs are refused, sizes are capped, YAML aliases cannot expand past
a node budget, nesting is bounded and JSON objects cannot name a key twice. Each
refusal is one line naming the file.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from console.config import load_settings
from console.core.capability import CapabilityRules
from console.core.errors import ConfigError, DomainError
from console.core.guidance import load_library
from console.core.inputs import DocumentError, Limits, parse_json, parse_toml, parse_yaml
from console.core.inputs.files import read_bytes, read_text
from console.core.ledger import Checkpoint
from console.core.tariff import load_tariff
from console.paths import resource_path
from console.sim.scenario import load_scenario
from tests.support.bounded import run_bounded


def billion_laughs() -> str:
    """Nine levels of nine aliases each: about 7 KB that would expand to a billion strings."""
    lines = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        refs = ", ".join([f"*lol{level - 1}"] * 9)
        lines.append(f"lol{level}: &lol{level} [{refs}]")
    # Pad with comments to the size the attack took in the field.
    lines += [f"# {'laugh ' * 12}"] * 80
    return "\n".join(lines) + "\n"


def one_line(error: BaseException) -> str:
    text = error.english() if isinstance(error, DomainError) else str(error)
    assert "\n" not in text
    return text


# -- YAML ------------------------------------------------------------------------------------


def test_a_billion_laughs_guidance_file_is_refused_in_a_moment(tmp_path: Path) -> None:
    folder = tmp_path / "guidance"
    shutil.copytree(resource_path("guidance"), folder)
    (folder / "battery.yaml").write_text(billion_laughs(), encoding="utf-8")
    assert 6_000 < (folder / "battery.yaml").stat().st_size < 8_000
    # In a child process: unguarded, this walks a billion nodes for a minute and gigabytes.
    code = (
        "from pathlib import Path; from console.core.guidance import load_library;"
        f"library, issues = load_library(Path({str(folder)!r}));"
        "print(*[str(issue) for issue in issues if issue.file == 'battery.yaml'], sep='\\n')"
    )
    outcome = run_bounded(["-c", code], timeout=60)
    assert outcome.returncode == 0, outcome.stderr[-2000:]
    assert outcome.seconds < 20
    lines = outcome.stdout.splitlines()
    assert lines == ["battery.yaml: YAML size: the document expands to more than 500,000 nodes "
                     "(aliases count once per use)"]  # fmt: skip


def test_a_billion_laughs_is_refused_before_it_is_built() -> None:
    started = time.perf_counter()
    with pytest.raises(DocumentError, match="expands to more than"):
        parse_yaml(billion_laughs())
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("a: &a [*a]\n", "refers to a node that contains it"),
        ("a: &x 1\nb: [" + ", ".join(["*x"] * 101) + "]\n", "more than 100 aliases"),
        ("[" * 500 + "]" * 500, "nests more than 64 levels deep"),
        ("a:\n" + "".join(f"{'  ' * i}- \n" for i in range(1, 80)), "nests more than"),
    ],
    ids=["recursive alias", "too many aliases", "deep flow nesting", "deep block nesting"],
)
def test_hostile_yaml_gets_one_line(text: str, fragment: str) -> None:
    with pytest.raises(DocumentError) as caught:
        parse_yaml(text)
    assert fragment in one_line(caught.value)


def test_ordinary_yaml_with_a_few_aliases_still_loads() -> None:
    text = "base: &base {fee: 1, km: 2}\nnight: *base\nday: *base\n"
    assert parse_yaml(text) == {"base": {"fee": 1, "km": 2}, "night": {"fee": 1, "km": 2},
                                "day": {"fee": 1, "km": 2}}  # fmt: skip


def test_every_shipped_guidance_script_and_scenario_fits_the_bounds() -> None:
    library, issues = load_library()
    assert library is not None and issues == []
    for name in ("live-demo", "shanghai-day", "national-peak", "zhejiang-day"):
        assert load_scenario(name).name


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (billion_laughs(), "expands to more than"),
        ("[" * 100_000 + "]" * 100_000, "nesting depth"),
        ("day:\n" + "".join(f"{'  ' * i}- \n" for i in range(1, 2_000)), "nests more than"),
    ],
    ids=["billion laughs", "flow nesting", "block nesting"],
)
def test_a_hostile_scenario_is_one_config_error(tmp_path: Path, text: str, fragment: str) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_scenario(str(path))
    assert str(path) in one_line(caught.value) and fragment in caught.value.english()


# -- JSON and TOML ---------------------------------------------------------------------------


DEEP = 100_000


def test_a_pricing_file_naming_a_fee_twice_is_refused(tmp_path: Path) -> None:
    text = resource_path("pricing", "tariffs.json").read_text(encoding="utf-8")
    assert text.count('"currency": "CNY",') == 1
    path = tmp_path / "tariffs.json"
    # A reviewer reads the first value; a plain JSON parser keeps the second.
    path.write_text(text.replace('"currency": "CNY",', '"currency": "CNY", "currency": "USD",'),
                    encoding="utf-8")  # fmt: skip
    with pytest.raises(ConfigError) as caught:
        load_tariff(path)
    message = one_line(caught.value)
    assert caught.value.code == "pricing.invalid"
    assert str(path) in message and 'the key "currency" appears twice in one object' in message


@pytest.mark.parametrize(
    ("load", "name", "text"),
    [
        (load_tariff, "tariffs.json", "[" * DEEP + "]" * DEEP),
        (load_tariff, "tariffs.json", '{"a":' * DEEP + "1" + "}" * DEEP),
        (CapabilityRules.load, "rules.json", "[" * DEEP + "]" * DEEP),
        (lambda path: load_settings(config_file=path), "console.toml", "a = " + "[" * DEEP + "]" * DEEP),
        (lambda path: load_settings(config_file=path), "console.toml", "a = " + "{b = " * DEEP + "1" + "}" * DEEP),
        (lambda path: load_settings(config_file=path), "console.toml", "[" + ".".join(["a"] * DEEP) + "]\n"),
    ],
    ids=["pricing array", "pricing object", "capability rules", "settings array",
         "settings inline table", "settings dotted table"],
)  # fmt: skip
def test_nesting_a_hundred_thousand_deep_is_one_line(
    tmp_path: Path, load: Callable[[Path], Any], name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load(path)
    message = one_line(caught.value)
    assert str(path) in message and "nests more than 64 levels deep" in message


def test_a_checkpoint_nested_deep_is_a_value_error_naming_the_cause() -> None:
    with pytest.raises(ValueError, match="nests more than 64 levels deep"):
        Checkpoint.from_json("[" * DEEP + "]" * DEEP)


def test_depth_limits_are_exact() -> None:
    limits = Limits(max_depth=3)
    assert parse_json("[[[]]]", limits) == [[[]]]
    assert parse_toml("a = [[1]]", limits) == {"a": [[1]]}
    assert parse_yaml("[[[]]]", limits) == [[[]]]
    for parse, text in ((parse_json, "[[[[]]]]"), (parse_toml, "a = [[[1]]]"),
                        (parse_yaml, "[[[[]]]]")):  # fmt: skip
        with pytest.raises(DocumentError, match="more than 3 levels"):
            parse(text, limits)


def test_json_duplicates_are_refused_at_any_depth() -> None:
    assert parse_json('{"a": {"b": 1, "c": 2}}') == {"a": {"b": 1, "c": 2}}
    with pytest.raises(DocumentError, match='"b" appears twice'):
        parse_json('{"a": [{"b": 1, "b": 2}]}')


# -- files -----------------------------------------------------------------------------------


def test_a_device_is_refused_without_reading_it() -> None:
    with pytest.raises(DomainError) as caught:
        read_bytes("/dev/zero")
    assert caught.value.code == "file.not_regular"
    assert one_line(caught.value) == (
        "/dev/zero is not a regular file (a device, pipe or socket); choose a file."
    )


def test_a_fifo_is_refused_at_once_even_with_no_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    outcome: list[BaseException | str] = []

    def load() -> None:
        try:
            outcome.append(read_text(fifo))
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(timeout=5)
    if worker.is_alive():  # release the blocked reader before failing
        os.close(os.open(fifo, os.O_WRONLY))
        worker.join(timeout=5)
        pytest.fail("reading a FIFO with no writer blocked")
    assert isinstance(outcome[0], DomainError) and outcome[0].code == "file.not_regular"


def test_settings_from_a_device_are_one_line() -> None:
    # In a child: unguarded, /dev/zero is read until memory runs out.
    code = (
        "from pathlib import Path; from console.config import load_settings;"
        "from console.core.errors import ConfigError\n"
        "try: load_settings(config_file=Path('/dev/zero'))\n"
        "except ConfigError as exc: print(exc.english())"
    )
    outcome = run_bounded(["-c", code], timeout=60)
    assert outcome.returncode == 0, outcome.stderr[-2000:]
    assert outcome.stdout == (
        "Configuration file /dev/zero is not valid: /dev/zero is not a regular file "
        "(a device, pipe or socket); choose a file.\n"
    )


def test_reading_stops_at_the_cap_even_if_the_size_lied(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b" " * 1001)
    assert len(read_bytes(path, limit=1001)) == 1001
    with pytest.raises(DomainError) as caught:
        read_bytes(path, limit=1000)
    assert caught.value.code == "file.too_large"
    assert one_line(caught.value) == f"{path} is too large (more than 1 KB)."


def test_text_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "console.toml"
    path.write_bytes("a = 1\nb = '杭州'\n".encode("gbk"))
    with pytest.raises(DomainError) as caught:
        read_text(path)
    assert caught.value.code == "file.not_text" and "(line 2)" in one_line(caught.value)


def test_a_missing_file_and_a_folder_are_unreadable(tmp_path: Path) -> None:
    for path in (tmp_path / "nope.json", tmp_path):
        with pytest.raises(DomainError) as caught:
            read_bytes(path)
        assert caught.value.code == "file.unreadable"


def test_pricing_json_keeps_decimals() -> None:
    from decimal import Decimal

    assert parse_json('{"fee": 12.50}', parse_float=Decimal) == {"fee": Decimal("12.50")}
    assert json.loads('{"fee": 12.50}') == {"fee": 12.5}


def test_replaying_changes_nested_too_deep_names_the_event() -> None:
    from console.core.replay import Replay, ReplayError

    with pytest.raises(ReplayError, match=r"^event 7 has unreadable changes \(nested too deep\)$"):
        Replay(tables=frozenset({"requests"})).apply(7, "[" * DEEP + "]" * DEEP)
