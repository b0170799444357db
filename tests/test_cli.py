"""The `cascade` command through Typer's CliRunner, and the README / CI commands that run it."""

import json
import re
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from cli import app

runner = CliRunner()
PARENT = "province_1383-CV-BTGTU.txt"
CHILD = "district_implementing_1383.txt"
COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


def invoke(*args: str):
    return runner.invoke(app, list(args), prog_name="cascade")


def test_there_are_commands():
    assert {"parse", "schema"} <= set(COMMANDS)


def test_parse_one_file_gives_one_letter(samples_dir: Path):
    result = invoke("parse", str(samples_dir / PARENT))
    assert result.exit_code == 0, result.output
    letter = json.loads(result.stdout)
    assert isinstance(letter, dict)
    assert letter["header"]["symbol"] == "1383-CV/BTGTU"
    assert letter["header"]["date"] == "2024-05-22"
    assert letter["source"]["path"].endswith(PARENT)


def test_parse_two_files_gives_a_list(samples_dir: Path):
    result = invoke("parse", str(samples_dir / PARENT), str(samples_dir / CHILD))
    assert result.exit_code == 0, result.output
    letters = json.loads(result.stdout)
    assert isinstance(letters, list)
    assert len(letters) == 2
    assert [Path(x["source"]["path"]).name for x in letters] == [PARENT, CHILD]


def test_parse_json_is_the_letter_model(samples_dir: Path):
    from models import Letter

    result = invoke("parse", "--format", "json", str(samples_dir / CHILD))
    assert result.exit_code == 0, result.output
    letter = Letter.model_validate_json(result.stdout)
    assert letter.signature is not None
    assert letter.signature.signer == "K' Linh"


@pytest.mark.parametrize("flag", ["--format", "-f"])
def test_parse_text_outline_shows_item_ids(samples_dir: Path, flag: str):
    result = invoke("parse", flag, "text", str(samples_dir / PARENT))
    assert result.exit_code == 0, result.output
    first_tokens = {line.split()[0] for line in result.stdout.splitlines() if line.strip()}
    for uid in ["1", "1.1", "1.2/1", "1.3/2/6", "2/3", "4/3"]:
        assert uid in first_tokens
    assert not result.stdout.lstrip().startswith("{")


@pytest.mark.parametrize("flag", ["-o", "--output"])
def test_parse_output_file(samples_dir: Path, tmp_path: Path, flag: str):
    out = tmp_path / "letter.json"
    result = invoke("parse", str(samples_dir / PARENT), flag, str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["header"]["symbol"] == "1383-CV/BTGTU"
    assert [p.name for p in tmp_path.iterdir()] == ["letter.json"]  # no temporary file left behind


def test_parse_output_file_text(samples_dir: Path, tmp_path: Path):
    out = tmp_path / "outline.txt"
    result = invoke("parse", str(samples_dir / CHILD), "-f", "text", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "1.5/1" in out.read_text(encoding="utf-8")


def test_schema():
    result = invoke("schema")
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert schema["title"] == "Letter"
    assert schema["type"] == "object"
    assert {"header", "items", "citations", "signature"} <= set(schema["properties"])


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str):
    result = invoke(command, "--help")
    assert result.exit_code == 0, result.output
    assert f"Usage: cascade {command}" in " ".join(result.stdout.split())
    doc = get_command(app).commands[command].help  # type: ignore[attr-defined]
    assert doc and doc.strip()
    first_words = " ".join(doc.split()[:5])
    assert first_words in " ".join(result.stdout.split())


def test_top_level_help_lists_every_command():
    result = invoke("--help")
    assert result.exit_code == 0, result.output
    for command in COMMANDS:
        assert re.search(rf"\b{command}\b", result.stdout)


def test_no_arguments_shows_help():
    result = invoke()
    assert "Usage" in result.output


@pytest.mark.parametrize("command", [c for c in COMMANDS if c != "schema"])
def test_bad_format_exits_non_zero(samples_dir: Path, command: str):
    files = [str(samples_dir / PARENT), str(samples_dir / CHILD)] if command == "link" else [str(samples_dir / PARENT)]
    result = invoke(command, *files, "--format", "xml")
    assert result.exit_code != 0
    assert "xml" in result.output
    assert not result.stdout.lstrip().startswith(("{", "["))


def test_missing_file_exits_one_and_names_it(tmp_path: Path, samples_dir: Path):
    missing = tmp_path / "nope.txt"
    result = invoke("parse", str(samples_dir / PARENT), str(missing))
    assert result.exit_code == 1
    assert "nope.txt" in result.output
    assert len(json.loads(result.stdout)) == 1  # the good file is still parsed


# --- README and CI ----------------------------------------------------------------------------------

def readme_commands(repo_dir: Path) -> list[str]:
    """Command lines of the first fenced block of README.md (comments and blank lines left out)."""
    text = (repo_dir / "README.md").read_text(encoding="utf-8")
    m = re.search(r"^```[a-z]*\n(.*?)^```", text, re.S | re.M)
    assert m, "README.md has no fenced block"
    return [ln.strip() for ln in m.group(1).splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def test_readme_opens_with_two_commands(repo_dir: Path):
    text = (repo_dir / "README.md").read_text(encoding="utf-8")
    assert text.index("```") < text.index("\n## ")  # the commands come before any section
    commands = readme_commands(repo_dir)
    assert len(commands) == 2
    install_and_run, install_and_test = commands
    assert "pip install" in install_and_run
    assert "cascade analyse" in install_and_run  # the main job, on the bundled samples by default
    script = (repo_dir / install_and_test.split()[-1]).read_text(encoding="utf-8")
    assert "pip install" in script and "python -m pytest -q" in script


def test_ci_runs_exactly_the_readme_test_command(repo_dir: Path):
    lines = [ln.strip() for ln in (repo_dir / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    code = [ln for ln in lines if ln and not ln.startswith("#")]
    install_and_run, install_and_test = readme_commands(repo_dir)
    assert code[-1] == install_and_test
    assert code.count(install_and_test) == 1
    assert install_and_run not in code
