"""The national channels a micro-credential is offered through (``data/channels.yaml``) and the fee
rules of each: who may pay, a cap per credit, whether the price must cover the full cost, and
whether learners may be charged at all. The price check of ``commissioned`` applies them."""

from __future__ import annotations

from dataclasses import dataclass

from .resources import load_yaml

__all__ = ["BUYERS", "Channel", "buyer_labels", "channel", "channels"]

BUYERS: tuple[str, ...] = ("organisation", "individual")


@dataclass(frozen=True)
class Channel:
    """One channel with its fee rules; texts are ``{en, fi, sv}`` mappings."""

    code: str
    country: str
    name: dict[str, str]
    rule: dict[str, str]
    buyers: tuple[str, ...]
    cap_per_credit: float | None = None  # most a learner may be charged per credit
    at_least_cost: str | None = None  # "law" | "guideline" | None
    free_for_eea: bool = False  # EEA and Swiss citizens may not be charged

    def label(self, lang: str = "en") -> str:
        """The channel's name in ``lang``."""
        return self.name.get(lang) or self.name["en"]

    def rule_text(self, lang: str = "en") -> str:
        """The channel's fee rule in one or two sentences, in ``lang``."""
        return self.rule.get(lang) or self.rule["en"]


def channels() -> dict[str, Channel]:
    """Every channel by code, in the order of the data file."""
    out = {}
    for code, d in load_yaml("channels.yaml")["channels"].items():
        out[code] = Channel(code=code, country=d["country"], name=d["name"], rule=d["rule"],
                            buyers=tuple(d["buyers"]), cap_per_credit=d.get("cap_per_credit"),
                            at_least_cost=d.get("at_least_cost"),
                            free_for_eea=bool(d.get("free_for_eea")))
    return out


def channel(code: str) -> Channel:
    """One channel; a ValueError naming the known codes if ``code`` is unknown."""
    known = channels()
    if code not in known:
        raise ValueError(f"unknown channel {code!r}; use one of {', '.join(known)}")
    return known[code]


def buyer_labels(lang: str = "en") -> dict[str, str]:
    """Who may pay, as shown to a participant."""
    return {k: v.get(lang) or v["en"] for k, v in load_yaml("channels.yaml")["buyers"].items()}
