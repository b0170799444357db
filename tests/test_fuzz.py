"""Fuzzing the public parse function with mutated .docx packages and .txt bytes
(tests/fuzz_strategies.py): every input gives a `Letter` or the one-line `CascadeError` naming the
file, never another exception, never a hang (10 s per input), never a jump in memory.

A bounded number of examples here (seconds, derandomized so CI is repeatable); the long run by hand
is bench/fuzz.py, which runs the same strategies in budgeted worker processes."""

import resource
import signal
import tempfile
from pathlib import Path

import pytest
from fuzz_strategies import docx_inputs, txt_inputs
from hypothesis import HealthCheck, given, settings

from models import CascadeError, Letter
from parsers import parse_letter

HANG_SECONDS = 10
MEMORY_JUMP_MIB = 1024
FUZZ = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _expire(*_: object) -> None:
    raise TimeoutError(f"a parse ran over {HANG_SECONDS} s")


def parse_or_refuse(data: bytes, suffix: str) -> None:
    """The property: a Letter (whose JSON can be written) or a one-line error naming the file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzzed{suffix}"
        path.write_bytes(data)
        previous = signal.signal(signal.SIGALRM, _expire)
        signal.alarm(HANG_SECONDS)
        try:
            letter = parse_letter(path)
        except CascadeError as e:
            message = str(e)
            assert message.startswith(f"{path}: ") and len(message) > len(str(path)) + 2
            assert "\n" not in message and "\r" not in message
            return
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)
        assert isinstance(letter, Letter)
        letter.model_dump_json().encode("utf-8")


@pytest.fixture(scope="module", autouse=True)
def memory_stays_bounded(nlp):
    """Over all the inputs of this module, the peak RSS of this process grows by less than a GiB."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    yield
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024 - before
    assert grown < MEMORY_JUMP_MIB, f"peak RSS grew by {grown} MiB while fuzzing"


@FUZZ
@given(data=docx_inputs())
def test_mutated_docx_gives_a_letter_or_one_line_error(data: bytes) -> None:
    parse_or_refuse(data, ".docx")


@FUZZ
@given(data=txt_inputs())
def test_mutated_txt_gives_a_letter_or_one_line_error(data: bytes) -> None:
    parse_or_refuse(data, ".txt")
