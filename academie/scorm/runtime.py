"""The SCORM 1.2 run-time data on the server: launching an attempt with its stored CMI
data, and checking and saving what the package commits (``LMSCommit``/``LMSFinish``
through scorm-again, JSON as ``{"cmi": {"core": {...}, "suspend_data": ...}}``)."""

import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from academie.models import ScormAttempt, ScormStatus

TIMESPAN = re.compile(r"^(\d{2,4}):([0-5]\d):([0-5]\d)(?:\.(\d{1,2}))?$")
MAX_LOCATION = 255
MAX_SUSPEND_DATA = 64 * 1024  # SCORM 1.2 says 4096; real packages often need more.
MAX_SCORE = Decimal("100000")
SUSPEND = "suspend"
DONE_STATUSES = {ScormStatus.COMPLETED, ScormStatus.PASSED}


class CommitError(ValueError):
    """A commit the server refuses; ``code`` is the SCORM 1.2 error code returned."""

    def __init__(self, message, code=405):
        super().__init__(message)
        self.code = code


def parse_timespan(value):
    """A SCORM 1.2 CMITimespan (``HHHH:MM:SS.SS``) as a timedelta."""
    match = TIMESPAN.match(value or "")
    if not match:
        raise CommitError(f"not a CMITimespan: {value!r}")
    hours, minutes, seconds, fraction = match.groups()
    return timedelta(
        hours=int(hours),
        minutes=int(minutes),
        seconds=int(seconds),
        milliseconds=int((fraction or "0").ljust(2, "0")) * 10,
    )


def format_timespan(duration):
    """A timedelta as a SCORM 1.2 CMITimespan (at most 9999 hours)."""
    centiseconds = min(round(duration.total_seconds() * 100), (10000 * 3600 - 1) * 100)
    seconds, hundredths = divmod(centiseconds, 100)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:04d}:{minutes:02d}:{seconds:02d}.{hundredths:02d}"


def start_session(user, lesson):
    """Launch ``lesson`` for ``user``: their attempt, with the previous session's time
    folded into the total and a new session key (older sessions can no longer commit)."""
    with transaction.atomic():
        attempt, _created = ScormAttempt.objects.select_for_update().get_or_create(
            user=user, lesson=lesson
        )
        end_session(attempt)
        attempt.session_key = secrets.token_urlsafe(18)
        attempt.package_version = lesson.scorm_package.version
        attempt.save()
    return attempt


def end_session(attempt):
    """Fold the running session's time into the total and keep it as the previous session,
    for commits the browser delivers late (``apply_late_commit``)."""
    if attempt.session_key:
        attempt.previous_session_key = attempt.session_key
        attempt.previous_session_time = attempt.session_time
    attempt.total_time += attempt.session_time
    attempt.session_time = timedelta()
    attempt.session_key = ""


def is_resumed(attempt):
    """A learner returns to an attempt the package has saved something for."""
    return attempt.commit_count > 0


def launch_data(attempt, package, user):
    """The CMI values ``user``'s runtime starts with (scorm-again's ``loadFromJSON``)."""
    core = {
        "student_id": str(user.pk),
        "student_name": student_name(user),
        "lesson_location": attempt.lesson_location,
        "lesson_status": attempt.lesson_status,
        "entry": "resume" if is_resumed(attempt) else "ab-initio",
        "total_time": format_timespan(attempt.total_time),
        "credit": "credit",
        "lesson_mode": "normal",
        "score": {
            name: str(value)
            for name in ("raw", "min", "max")
            if (value := getattr(attempt, f"score_{name}")) is not None
        },
    }
    data = {"core": core, "suspend_data": attempt.suspend_data, "launch_data": package.launch_data}
    if package.mastery_score is not None:
        data["student_data"] = {"mastery_score": str(package.mastery_score)}
    return data


def student_name(user):
    """SCORM 1.2 wants ``Last, First``; KPO keeps one full name."""
    first, _space, last = (user.full_name or user.email).strip().rpartition(" ")
    return f"{last}, {first}" if first else last


@dataclass(frozen=True)
class Commit:
    lesson_status: str | None
    score_raw: Decimal | None
    score_min: Decimal | None
    score_max: Decimal | None
    lesson_location: str | None
    suspend_data: str | None
    exit: str | None
    session_time: timedelta | None


def parse_commit(payload):
    """Check the values the package committed; unknown CMI elements are ignored."""
    if not isinstance(payload, dict) or not isinstance(payload.get("cmi"), dict):
        raise CommitError("no cmi object", code=201)
    cmi = payload["cmi"]
    core = cmi.get("core") if isinstance(cmi.get("core"), dict) else {}
    score = core.get("score") if isinstance(core.get("score"), dict) else {}
    status = text(core.get("lesson_status"))
    if status and status not in ScormStatus.values:
        raise CommitError(f"unknown lesson_status {status!r}")
    exit_value = text(core.get("exit"))
    if exit_value and exit_value not in ("time-out", SUSPEND, "logout"):
        raise CommitError(f"unknown exit {exit_value!r}")
    session = text(core.get("session_time"))
    return Commit(
        lesson_status=status or None,
        score_raw=decimal(score.get("raw")),
        score_min=decimal(score.get("min")),
        score_max=decimal(score.get("max")),
        lesson_location=limited(core.get("lesson_location"), MAX_LOCATION),
        suspend_data=limited(cmi.get("suspend_data"), MAX_SUSPEND_DATA),
        exit=exit_value if "exit" in core else None,
        session_time=parse_timespan(session) if session else None,
    )


def text(value):
    if value is None:
        return ""
    if not isinstance(value, str | int | float):
        raise CommitError("a value must be text")
    return str(value)


def limited(value, maximum):
    if value is None:
        return None
    value = text(value)
    if len(value) > maximum:
        raise CommitError(f"value longer than {maximum} characters")
    return value


def decimal(value):
    value = text(value).strip()
    if not value:
        return None
    try:
        number = Decimal(value)
    except InvalidOperation as error:
        raise CommitError(f"not a number: {value!r}") from error
    if not number.is_finite() or abs(number) > MAX_SCORE:
        raise CommitError(f"score out of range: {value!r}")
    return number.quantize(Decimal("0.01"))


def apply_commit(attempt, commit, finish=False):
    """Store ``commit`` on ``attempt``. A finished (passed or completed) status is never
    lowered again by later commits. With ``finish`` (LMSFinish) the session ends. Once the
    running session has committed, the previous one can no longer deliver late commits
    (they would overwrite newer values)."""
    store_values(attempt, commit)
    attempt.previous_session_key = ""
    if commit.session_time is not None:
        attempt.session_time = commit.session_time
    if finish:
        end_session(attempt)
        attempt.finished_at = timezone.now()
    attempt.save()
    return attempt


def apply_late_commit(attempt, commit, finish=False):
    """Store a commit of the previous session that the browser could not deliver before
    the session ended (the server was unreachable): its values, and the time it reports
    beyond what that session already added to the total, once however often it comes."""
    store_values(attempt, commit)
    extra = (commit.session_time or timedelta()) - attempt.previous_session_time
    if extra > timedelta():
        attempt.total_time += extra
        attempt.previous_session_time += extra
    if finish and attempt.finished_at is None:
        attempt.finished_at = timezone.now()
    attempt.save()
    return attempt


def store_values(attempt, commit):
    if commit.lesson_status and attempt.lesson_status not in DONE_STATUSES:
        attempt.lesson_status = commit.lesson_status
    elif commit.lesson_status == ScormStatus.PASSED:
        attempt.lesson_status = ScormStatus.PASSED
    for name in ("score_raw", "score_min", "score_max", "lesson_location", "suspend_data", "exit"):
        value = getattr(commit, name)
        if value is not None:
            setattr(attempt, name, value)
    attempt.commit_count += 1
