"""Bad input gets one clear line, never a traceback (issue 15, item 13)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import nbformat
import pytest
import yaml

from microcred.cli import main
from tests.helpers.course import cell_of
from tests.helpers.paths import REPO

EXAMPLE = REPO / "microcred" / "examples" / "machine-vision.yaml"


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    assert "Traceback" not in out.err + out.out
    return code, out.out, out.err


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", "1" + "0" * 400])
def test_a_workload_of_infinity_or_nan_is_named_not_a_traceback(tmp_path, capsys, value):
    path = tmp_path / "c.yaml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8").replace("  ects: 5", f"  ects: {value}"))
    code, out, _ = run(capsys, "credential", "check", path)
    assert code == 1 and "invalid-number" in out


def test_a_target_group_that_is_a_number_is_named(tmp_path, capsys):
    canvas = tmp_path / "canvas.yaml"
    main(["needs", "sample", "canvas"])
    data = yaml.safe_load(capsys.readouterr().out)
    data["needs"]["target_group"] = 3.5
    canvas.write_text(yaml.safe_dump(data), encoding="utf-8")
    code, _, err = run(capsys, "needs", "check", canvas)
    assert code == 2 and "target_group" in err


@pytest.mark.parametrize("command", [
    ["needs", "check"], ["credential", "check"], ["design", "check"], ["workload"],
    ["commissioned", "price"], ["alignment"], ["pathway"],
])
def test_yaml_nested_thousands_deep_is_refused_with_a_sentence(tmp_path, capsys, command):
    deep = tmp_path / "deep.yaml"
    deep.write_text("a: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    code, _, err = run(capsys, *command, deep)
    assert code == 2 and err.startswith("error:")


def test_a_price_of_ten_to_the_400_is_refused_and_json_never_holds_nan(tmp_path, capsys):
    main(["commissioned", "template", "price"])
    template = capsys.readouterr().out
    huge = tmp_path / "huge.yaml"
    huge.write_text(template.replace("participants: 20", "participants: 1" + "0" * 400))
    code, _, err = run(capsys, "commissioned", "price", huge, "--json")
    assert code == 2 and "participants" in err
    big = tmp_path / "big.yaml"
    big.write_text(template.replace("fixed_costs: 600", "fixed_costs: 900000000000"))
    code, out, _ = run(capsys, "commissioned", "price", big, "--json")

    def refuse(constant):
        raise AssertionError(f"{constant} is not JSON")

    json.loads(out, parse_constant=refuse)


def test_credential_check_checks_at_most_a_hundred_outcomes_one_by_one(tmp_path, capsys,
                                                                       monkeypatch):
    import microcred.credential._validate as validate

    calls = []
    real = validate.analyse
    monkeypatch.setattr(validate, "analyse", lambda text, **kw: calls.append(1) or real(text, **kw))
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["outcomes"] = [f"The participant can analyse defect images of type {n}." for n in
                        range(1000)]
    path = tmp_path / "many.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    code, out, _ = run(capsys, "credential", "check", path)
    assert len(calls) == 100 and "only the first 100 were checked" in out


def test_vet_output_cut_short_by_head_is_no_error_and_everything_is_moved(tmp_path):
    from tests.trainer.test_vet import released

    ref = tmp_path / "release" / "outcomes"
    ref.mkdir(parents=True)
    nbformat.write(released(), ref / "outcomes.ipynb")
    bad = released()
    cell_of(bad, "answer_outcomes").source = "import os"
    for n in range(60):
        folder = tmp_path / "submitted" / f"p{n:02}" / "outcomes"
        folder.mkdir(parents=True)
        nbformat.write(bad, folder / "outcomes.ipynb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "microcred", "grading", "vet", "--course", str(tmp_path),
         str(tmp_path / "submitted")], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(REPO)})
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert "Traceback" not in err and "BrokenPipe" not in err
    assert not any((tmp_path / "submitted").rglob("*.ipynb"))  # all quarantined first
