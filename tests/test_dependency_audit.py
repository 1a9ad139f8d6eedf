"""The dependency audit's rules (scripts/audit_dependencies.py): accepted vulnerabilities
need a reason and an expiry date, expired ones fail, everything else found fails."""

import datetime
import importlib.util

import pytest
from django.conf import settings

spec = importlib.util.spec_from_file_location(
    "audit_dependencies", settings.BASE_DIR / "scripts" / "audit_dependencies.py"
)
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)

TODAY = datetime.date(2026, 11, 22)


def write_exceptions(tmp_path, body):
    path = tmp_path / "audit-exceptions.toml"
    path.write_text(body)
    return path


def test_the_projects_exceptions_are_complete_and_not_expired():
    audit.load_exceptions(audit.EXCEPTIONS_FILE, today=datetime.date.today())


def test_an_expired_exception_fails(tmp_path):
    path = write_exceptions(
        tmp_path,
        '[[exception]]\nid = "GHSA-1"\npackage = "x"\nreason = "r"\nexpires = 2026-11-21\n',
    )
    with pytest.raises(ValueError, match="GHSA-1 \\(x\\): expired on 2026-11-21"):
        audit.load_exceptions(path, today=TODAY)


def test_an_exception_without_reason_or_date_fails(tmp_path):
    path = write_exceptions(tmp_path, '[[exception]]\nid = "GHSA-2"\npackage = "x"\n')
    with pytest.raises(ValueError, match="GHSA-2: missing reason, expires"):
        audit.load_exceptions(path, today=TODAY)


def test_a_valid_exception_is_accepted(tmp_path):
    path = write_exceptions(
        tmp_path,
        '[[exception]]\nid = "GHSA-3"\npackage = "x"\nreason = "r"\nexpires = 2026-11-22\n',
    )
    assert audit.load_exceptions(path, today=TODAY) == {"GHSA-3"}


PIP_AUDIT_REPORT = {
    "dependencies": [
        {"name": "django", "version": "5.2.1", "vulns": [{"id": "PYSEC-1", "aliases": ["CVE-9"]}]},
        {"name": "wagtail", "version": "8.0.1", "vulns": []},
    ]
}


def test_python_vulnerabilities_fail_unless_accepted_by_id_or_alias():
    assert audit.python_findings(PIP_AUDIT_REPORT, set()) == ["django 5.2.1: PYSEC-1"]
    assert audit.python_findings(PIP_AUDIT_REPORT, {"CVE-9"}) == []


NPM_AUDIT_REPORT = {
    "vulnerabilities": {
        "htmx.org": {
            "range": "<2.0.5",
            "via": [{"url": "https://github.com/advisories/GHSA-abcd-efgh-ijkl"}],
        },
        "wrapper": {"range": "*", "via": ["htmx.org"]},
    }
}


def test_npm_vulnerabilities_fail_unless_accepted():
    assert audit.npm_findings(NPM_AUDIT_REPORT, set()) == ["htmx.org <2.0.5: GHSA-abcd-efgh-ijkl"]
    assert audit.npm_findings(NPM_AUDIT_REPORT, {"GHSA-abcd-efgh-ijkl"}) == []
