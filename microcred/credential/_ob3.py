"""Open Badges 3.0: an issued micro-credential as an unsigned OpenBadgeCredential (JSON).

The mapping of the European standard elements (see the course book, "Digital credentials"):

- title -> ``achievement.name`` (and the credential's ``name`` for wallets)
- learning outcomes -> ``achievement.criteria.narrative`` (a numbered Markdown list)
- notional workload -> ``achievement.creditsAvailable`` in **ECTS credits** (the description says
  so, since the property itself does not name a unit); hours in the description text
- level -> ``achievement.alignment`` with the EQF level's Europass URI (``targetType`` "ext:EQF")
- awarding body, country/region -> ``issuer`` (a Profile with an address)
- learner -> ``credentialSubject.identifier`` (an IdentityObject) or ``credentialSubject.id``
- date of issuing -> ``validFrom`` and ``awardedDate``
- type of assessment, form of participation, type of QA, prerequisites, supervision,
  integration, further information -> named lines in ``achievement.description``; QA with a
  web page also as an alignment (``targetType`` "ext:QualityAssurance")
- grade -> ``credentialSubject.result`` with a ``resultDescription`` giving the scale

Only properties the official OB 3.0 JSON schema defines are used. The schema itself is not
needed at run time: ``ob3_problems`` checks the properties the specification requires.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
import uuid
from typing import Any

from ..errors import UserError
from ..findings import has_errors
from ..i18n import t
from . import _elements as el
from ._model import Description, Issued, issue
from ._validate import validate

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
CREDENTIAL_TYPE = ["VerifiableCredential", "OpenBadgeCredential"]
_NAMESPACE = uuid.UUID("5b0c1f8e-6a43-4f5e-9a59-3d1f0b6c2e71")  # this kit's namespace for ids
_EMAIL = re.compile(r"^(mailto:)?[^@\s]+@[^@\s]+\.[^@\s]+$", re.IGNORECASE)
_URI = re.compile(r"^(did|urn|https?):\S+$", re.IGNORECASE)


def to_ob3(
    record: Description | Issued,
    learner: str | None = None,
    issued: Any = None,
    *,
    grade: str | None = None,
    credential_id: str | None = None,
    hash_learner: bool = False,
    salt: str | None = None,
    strict: bool = True,
) -> dict[str, Any]:
    """The unsigned Open Badges 3.0 credential of ``record`` issued to ``learner`` on ``issued``.

    ``record`` is a description (then ``learner`` and ``issued`` are needed) or an
    :class:`Issued`. With ``hash_learner`` the learner is stored as a salted SHA-256 hash, as
    the specification recommends where a plain value could leak personal data. With ``strict``
    (the default) a description with errors, or a missing learner or date, raises
    :class:`UserError` with a plain-language message.
    """
    if isinstance(record, Issued):
        cred = issue(record.description, learner or record.learner,
                     issued if issued is not None else record.issued, grade or record.grade)
    else:
        cred = issue(record, learner or "", issued, grade or "")
    desc, lang = cred.description, cred.description.language
    note = t("credential.issue-note", lang)
    if strict:
        if not cred.learner:
            raise UserError(t("credential.issue.no-learner", lang, note=note))
        if cred.issued is None:
            raise UserError(t("credential.issue.no-date", lang, note=note))
        findings = validate(cred, lang)
        if has_errors(findings):
            errors = sum(1 for f in findings if f.severity == "error")
            raise UserError(t("credential.issue.has-errors", lang, errors=errors) + "\n  "
                            + "\n  ".join(f.message for f in findings if f.severity == "error"))

    achievement = _achievement(desc)
    subject: dict[str, Any] = {"type": ["AchievementSubject"]}
    subject.update(_learner(cred.learner, hash_learner, salt))
    subject["achievement"] = achievement
    if desc.workload.ects is not None:
        subject["creditsEarned"] = float(desc.workload.ects)
    if desc.start:
        subject["activityStartDate"] = _datetime(desc.start)
    if desc.end:
        subject["activityEndDate"] = _datetime(desc.end)
    if cred.grade and "resultDescription" in achievement:
        subject["result"] = [{
            "type": ["Result"],
            "resultDescription": achievement["resultDescription"][0]["id"],
            "value": cred.grade,
        }]
    when = _datetime(cred.issued) if cred.issued is not None else ""
    doc: dict[str, Any] = {
        "@context": list(CONTEXT),
        # random: an id made from the learner could be tested against guessed e-mail addresses
        "id": credential_id or f"urn:uuid:{uuid.uuid4()}",
        "type": list(CREDENTIAL_TYPE),
        "name": desc.title,
        "description": desc.summary or desc.title,
        "issuer": _issuer(desc),
        "validFrom": when,
        "awardedDate": when,
        "credentialSubject": subject,
    }
    if desc.valid_until:
        doc["validUntil"] = _datetime(desc.valid_until, end_of_day=True)
    if not when:
        del doc["validFrom"], doc["awardedDate"]
    return doc


def ob3_problems(doc: Any) -> list[str]:
    """What the OB 3.0 specification requires and ``doc`` lacks (empty when it is complete).

    A check of the required properties that works without the JSON schema; the tests also
    validate against the official schema.
    """
    problems: list[str] = []
    if not isinstance(doc, dict):
        return ["the credential is not a JSON object"]
    ctx = doc.get("@context")
    if not (isinstance(ctx, list) and len(ctx) >= 2 and ctx[0] == CONTEXT[0]
            and isinstance(ctx[1], str)
            and re.fullmatch(r"https://purl\.imsglobal\.org/spec/ob/v3p0/context(-3\.\d\.\d)*"
                             r"\.json", ctx[1])):
        problems.append("@context must start with the VC 2.0 context, then the OB 3.0 context")
    if not _nonempty_str(doc.get("id")):
        problems.append("id (a URI) is missing")
    types = doc.get("type") or []
    if "VerifiableCredential" not in types or not (
        {"OpenBadgeCredential", "AchievementCredential"} & set(types)
    ):
        problems.append('type must hold "VerifiableCredential" and "OpenBadgeCredential"')
    issuer = doc.get("issuer")
    if isinstance(issuer, dict):
        if not _nonempty_str(issuer.get("id")) or "Profile" not in (issuer.get("type") or []):
            problems.append('issuer needs an id and type ["Profile"]')
    elif not _nonempty_str(issuer):
        problems.append("issuer is missing")
    if not _is_datetime_z(doc.get("validFrom")):
        problems.append("validFrom (a date-time with a time zone) is missing")
    subject = doc.get("credentialSubject")
    if not isinstance(subject, dict):
        return problems + ["credentialSubject is missing"]
    if "AchievementSubject" not in (subject.get("type") or []):
        problems.append('credentialSubject.type must hold "AchievementSubject"')
    if not _nonempty_str(subject.get("id")) and not subject.get("identifier"):
        problems.append("credentialSubject needs an id or an identifier (the learner)")
    ach = subject.get("achievement")
    if not isinstance(ach, dict):
        return problems + ["credentialSubject.achievement is missing"]
    for key in ("id", "name", "description"):
        if not _nonempty_str(ach.get(key)):
            problems.append(f"achievement.{key} is missing")
    if "Achievement" not in (ach.get("type") or []):
        problems.append('achievement.type must hold "Achievement"')
    criteria = ach.get("criteria")
    if not (isinstance(criteria, dict) and (criteria.get("narrative") or criteria.get("id"))):
        problems.append("achievement.criteria needs a narrative or an id")
    return problems


# --- parts -----------------------------------------------------------------------------------


def achievement_id(desc: Description) -> str:
    """The achievement's URI: the description's ``id`` or ``url``, else a stable URN."""
    issuer = desc.awarding_body[0].name if desc.awarding_body else ""
    return desc.id or desc.url or _urn("achievement", desc.title, issuer, desc.code)


def _achievement(desc: Description) -> dict[str, Any]:
    lang = desc.language
    ach: dict[str, Any] = {
        "id": achievement_id(desc),
        "type": ["Achievement"],
        "achievementType": "MicroCredential",
        "name": desc.title,
        "description": _description_text(desc),
        "criteria": {"narrative": _criteria(desc)},
        "inLanguage": lang,
    }
    if desc.url:
        ach["criteria"]["id"] = desc.url
    if desc.workload.ects is not None:
        ach["creditsAvailable"] = float(desc.workload.ects)
    if desc.code:
        ach["humanCode"] = desc.code
    if desc.field_of_study:
        ach["fieldOfStudy"] = desc.field_of_study
    if desc.keywords:
        ach["tag"] = list(desc.keywords)
    alignment = []
    if desc.level.eqf is not None and 1 <= desc.level.eqf <= 8:
        alignment.append({
            "type": ["Alignment"],
            "targetName": t("credential.value.eqf", lang, level=desc.level.eqf),
            "targetUrl": el.eqf_url(desc.level.eqf),
            "targetType": "ext:EQF",
            "targetCode": str(desc.level.eqf),
            "targetFramework": t("credential.ob3.eqf-framework", lang),
        })
    qa = desc.quality_assurance
    if qa.url:
        alignment.append({
            "type": ["Alignment"],
            "targetName": el.label("quality_assurance", lang),
            "targetUrl": qa.url,
            "targetType": "ext:QualityAssurance",
            **({"targetDescription": qa.type} if qa.type else {}),
        })
    if alignment:
        ach["alignment"] = alignment
    if desc.grading:
        ach["resultDescription"] = [{
            "id": f"{ach['id']}#grade",
            "type": ["ResultDescription"],
            "name": f"{t('credential.ob3.grade-name', lang)}: {desc.grading}",
            "resultType": "ext:Grade",
        }]
    return ach


def _description_text(desc: Description) -> str:
    """The summary, then every standard element the badge has no property for, one a line."""
    from ._documents import element_rows  # the same wording as the card and the catalogue

    rows = [r for r in element_rows(desc) if r.key not in ("title", "outcomes", "learner", "issued")]
    lines = [f"{r.label}: {'; '.join(r.values)}" for r in rows if r.values]
    if desc.workload.ects is not None:
        lines.append(t("credential.ob3.credits-note", desc.language))
    body = "\n".join(lines)
    return f"{desc.summary}\n\n{body}" if desc.summary and body else (desc.summary or body)


def _criteria(desc: Description) -> str:
    lang = desc.language
    items = "\n".join(f"{n}. {o.text}" for n, o in enumerate(desc.outcomes, 1))
    return f"{t('credential.ob3.criteria-intro', lang)}\n\n{items}"


def _issuer(desc: Description) -> dict[str, Any]:
    body = desc.awarding_body[0] if desc.awarding_body else None
    name = body.name if body else ""
    profile: dict[str, Any] = {
        "id": (body.id or body.url) if body and (body.id or body.url) else _urn("issuer", name),
        "type": ["Profile"],
        "name": name,
    }
    if body and body.url:
        profile["url"] = body.url
    if body and body.email:
        profile["email"] = body.email
    if desc.country:
        address: dict[str, Any] = {"type": ["Address"], "addressCountryCode": desc.country[0]}
        if desc.region:
            address["addressRegion"] = desc.region
        profile["address"] = address
    return profile


def _learner(learner: str, hashed: bool, salt: str | None) -> dict[str, Any]:
    """``{"id": ...}`` for a URI, else ``{"identifier": [IdentityObject]}``."""
    if _URI.match(learner) and not _EMAIL.match(learner):
        return {"id": learner}
    is_email = bool(_EMAIL.match(learner))
    value = learner.removeprefix("mailto:") if is_email else learner
    identity: dict[str, Any] = {
        "type": "IdentityObject",
        "identityType": "emailAddress" if is_email else "name",
        "hashed": hashed,
        "identityHash": value,
    }
    if hashed:
        salt = salt if salt is not None else secrets.token_hex(8)
        identity["identityHash"] = "sha256$" + hashlib.sha256(
            (value + salt).encode("utf-8")).hexdigest()
        identity["salt"] = salt
    return {"identifier": [identity]}


def _datetime(value: dt.date | dt.datetime, end_of_day: bool = False) -> str:
    """A date-time with a time zone, as the specification requires ("2025-06-13T00:00:00Z")."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)
        return value.isoformat().replace("+00:00", "Z")
    return f"{value.isoformat()}T{'23:59:59' if end_of_day else '00:00:00'}Z"


def _urn(kind: str, *parts: object) -> str:
    return "urn:uuid:" + str(uuid.uuid5(_NAMESPACE, "|".join([kind, *map(str, parts)])))


def _nonempty_str(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_datetime_z(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return parsed.tzinfo is not None
