"""The one way a scorer fails: a line of feedback and 0 points, never a traceback or stderr.

nbgrader zeroes a test cell that raises or writes to stderr, and a participant then sees a
traceback instead of feedback. :func:`scorer` wraps every ``score_*`` function the assignments
call: warnings are silenced (they go to stderr), and any exception becomes one line in the
screen language, ``... Score: 0 / <points>``, with the points the cell passed.
"""

from __future__ import annotations

import functools
import inspect
import warnings
from collections.abc import Callable
from typing import ParamSpec

from ..i18n import number, t
from ..settings import screen_language

P = ParamSpec("P")


def scorer(message: str = "grading.unreadable") -> Callable[[Callable[P, float]],
                                                            Callable[P, float]]:
    """Decorate a scorer that takes ``points`` and ``lang``; ``message`` is the key of the
    failure line (fields ``problem``, the exception's class name, and ``points``)."""

    def decorate(func: Callable[P, float]) -> Callable[P, float]:
        signature = inspect.signature(func)

        @functools.wraps(func)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> float:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    return func(*args, **kwargs)
            except Exception as exc:  # noqa: BLE001 - a scorer never fails the cell on an answer
                points, lang = _points_and_lang(signature, args, kwargs)
                lang = screen_language(ui=lang)
                print(t(message, lang, problem=type(exc).__name__,
                        points=number(round(points, 4), lang)))
                return 0.0

        return guarded

    return decorate


def _points_and_lang(signature: inspect.Signature, args: tuple[object, ...],
                     kwargs: dict[str, object]) -> tuple[float, str | None]:
    """The ``points`` and ``lang`` of this call (their defaults when the call does not bind)."""
    try:
        bound = signature.bind(*args, **kwargs)
    except TypeError:
        bound = signature.bind_partial()
    bound.apply_defaults()
    points, lang = bound.arguments.get("points"), bound.arguments.get("lang")
    return (float(points) if isinstance(points, int | float) else 0.0,
            lang if isinstance(lang, str) else None)
