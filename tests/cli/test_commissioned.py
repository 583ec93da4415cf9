"""``python -m microcred commissioned``: price, self-check and templates."""

from __future__ import annotations

import json

from tests.cli.test_outcomes import run


def template(tmp_path, which: str, *extra: str):
    proc = run("commissioned", "template", which, *extra)
    assert proc.returncode == 0, proc.stderr
    path = tmp_path / f"{which}.yaml"
    path.write_text(proc.stdout, encoding="utf-8")
    return path


def test_price_of_the_template_with_chart(tmp_path):
    path = template(tmp_path, "price")
    png = tmp_path / "p.png"
    proc = run("commissioned", "price", str(path), "--chart", str(png))
    assert proc.returncode == 0, proc.stderr
    assert "Break-even group size" in proc.stdout and "15,323.00 EUR" in proc.stdout
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_zero_participants_and_negative_rate_exit_one_with_findings(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("roles:\n  - {role: teacher, hours: 10, rate: -80}\nparticipants: 0\n",
                    encoding="utf-8")
    proc = run("commissioned", "price", str(path), "--json")
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert {f["code"] for f in data["findings"]} >= {"no-participants", "negative-rate"}
    assert data["price_per_participant"] is None


def test_text_where_a_number_belongs_is_a_clear_error(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("roles: [{role: t, hours: ten, rate: 5}]\n", encoding="utf-8")
    proc = run("commissioned", "price", str(path))
    assert proc.returncode == 2 and "hours" in proc.stderr and "Traceback" not in proc.stderr


def test_self_check_from_the_filled_template(tmp_path):
    path = template(tmp_path, "check", "--lang", "sv")
    path.write_text(path.read_text(encoding="utf-8").replace("  O1:\n", "  O1: 0\n"),
                    encoding="utf-8")
    proc = run("commissioned", "check", str(path), "--lang", "sv")
    assert proc.returncode == 0, proc.stderr
    assert "Organisation och processer" in proc.stdout and "O1:" in proc.stdout
    proc = run("commissioned", "check", str(path), "--json")
    assert json.loads(proc.stdout)["parts"][0]["score"] == 0
