"""`cascade link PARENT CHILD` through typer's CliRunner: the JSON contract, Markdown and HTML output,
and the errors for a missing file or a bad format."""

import json
import re
from pathlib import Path

import pytest
from letter_factory import LOCAL, A, B, C, item, pair_paths
from typer.testing import CliRunner

from cascade.units import letter_units
from cli import app
from models import LinkResult
from parsers import parse_letter

KEYS = {"parent", "child", "links", "dropped", "added", "citation_check", "summary"}
UNIT_ID = re.compile(r"^(?:(?:preamble|body|closing)/[0-9]+|[0-9A-Za-z]+(\.[0-9A-Za-z]+)*(/[0-9]+)*)$")

runner = CliRunner()


@pytest.fixture
def files(tmp_path) -> tuple[Path, Path]:
    return pair_paths(
        tmp_path,
        item("1.", A, f"- {C}") + item("1.1.", B) + item("2.", "Hội Nhà báo tỉnh phối hợp tuyên truyền nội dung trên."),
        item("1.", A.replace("các cấp", "huyện"), f"- {C}", f"+ {LOCAL}") + item("1.1.", B) + item("2.", LOCAL),
    )


def run(*args: str):
    return runner.invoke(app, ["link", *args])


def dicts_with_id(node, path="$"):
    """(json path, dict) for every dict anywhere in `node` that has an "id" key."""
    if isinstance(node, dict):
        if "id" in node:
            yield path, node
        for k, v in node.items():
            yield from dicts_with_id(v, f"{path}.{k}")
    elif isinstance(node, list):
        for k, v in enumerate(node):
            yield from dicts_with_id(v, f"{path}[{k}]")


def test_json_output_has_the_contract_keys(files):
    res = run(str(files[0]), str(files[1]), "--format", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert set(data) >= KEYS
    assert isinstance(data["links"], list) and data["links"]
    assert {"parent", "child", "relation", "split", "merged", "moved", "similarity", "kept_share", "added_share",
            "diff"} <= set(data["links"][0])
    assert data["citation_check"]["status"] == "exact"
    assert data["parent"]["header"]["symbol"] == "12-CV/BTGTU"
    assert data["added"] == ["1/1/1", "2"]  # the "+" bullet nests under the "-" bullet
    assert data["dropped"] == ["2"]
    LinkResult.model_validate(data)  # the JSON is the model


def test_json_is_the_default_format(files):
    res = run(str(files[0]), str(files[1]))
    assert res.exit_code == 0, res.output
    assert set(json.loads(res.stdout)) >= KEYS


def test_only_units_carry_an_id(files):
    """Items, blocks and the paragraphs around them (preamble/K, closing/K) carry an id, each unit once;
    text no zone claimed (`unplaced`) carries none."""
    res = run(str(files[0]), str(files[1]), "-f", "json")
    data = json.loads(res.stdout)
    expected = {side: {u.id for u in letter_units(parse_letter(path))} for side, path in zip(("parent", "child"), files,
                                                                                             strict=True)}
    found: dict[str, set[str]] = {"parent": set(), "child": set()}
    for path, d in dicts_with_id(data):
        assert "text" in d, path
        if d["id"] is None:
            assert ".unplaced[" in path, path
            continue
        assert isinstance(d["id"], str) and UNIT_ID.match(d["id"]), (path, d["id"])
        side = path.split(".")[1].split("[")[0]
        assert side in ("parent", "child"), f"an id outside the letters at {path}"
        assert d["id"] in expected[side], (path, d["id"])
        found[side].add(d["id"])
    assert found == expected  # every unit once, nothing else
    assert expected["parent"] == {"preamble/1", "1", "1/1", "1.1", "2"}


def test_markdown_to_stdout(files):
    res = run(str(files[0]), str(files[1]), "--format", "md", "--lang", "en")
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith("# Cascade link report")
    assert "| figure | value |" in res.stdout


def test_markdown_follows_lang(files):
    res = run(str(files[0]), str(files[1]), "--format", "md")  # the default language, as for HTML
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith("# Báo cáo so sánh văn bản")
    for english in ("Parent item", "tier province", "no symbol", "Citation check", "kept "):
        assert english not in res.stdout, english


def test_html_to_a_file(files, tmp_path):
    out = tmp_path / "report.html"
    res = run(str(files[0]), str(files[1]), "--format", "html", "-o", str(out))
    assert res.exit_code == 0, res.output
    assert res.stdout == ""
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert 'id="p-1"' in html
    assert sorted(p.name for p in tmp_path.iterdir()) == ["child.txt", "parent.txt", "report.html"]  # no temp left


def test_json_to_a_file_matches_stdout(files, tmp_path):
    out = tmp_path / "link.json"
    assert run(str(files[0]), str(files[1]), "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(run(str(files[0]), str(files[1])).stdout)


@pytest.mark.parametrize("which", [0, 1], ids=["parent missing", "child missing"])
def test_missing_file_is_one_line_error_and_exit_1(files, tmp_path, which):
    missing = tmp_path / "khong-co.txt"
    args = [str(files[0]), str(files[1])]
    args[which] = str(missing)
    res = run(*args)
    assert res.exit_code == 1
    assert res.stdout == ""
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert str(missing) in lines[0]
    assert "Traceback" not in res.output


def test_both_missing_names_each_file(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    res = run(str(a), str(b))
    assert res.exit_code == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 2 and str(a) in lines[0] and str(b) in lines[1]


def test_not_a_letter_is_an_error(files, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    res = run(str(files[0]), str(empty))
    assert res.exit_code == 1
    assert str(empty) in res.stderr and len(res.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("fmt", ["pdf", "text", "JSON", ""])
def test_bad_format_is_rejected(files, tmp_path, fmt):
    out = tmp_path / "out.txt"
    res = run(str(files[0]), str(files[1]), "--format", fmt, "-o", str(out))
    assert res.exit_code == 2
    assert "--format" in res.stderr
    assert res.stdout == ""
    assert not out.exists()


def test_link_help():
    res = run("--help")
    assert res.exit_code == 0
    assert "--format" in res.stdout and "--output" in res.stdout
