"""Dependency audit: known vulnerabilities in the pinned Python packages (pip-audit against
requirements.lock) and in the npm packages the site serves (npm audit --omit=dev).

Accepted vulnerabilities are listed in audit-exceptions.toml, each with an id, the package,
a reason and an expiry date; an expired or incomplete entry fails the audit.

Exit status: 0 clean; 1 a known vulnerability, or a bad exceptions file; 2 the vulnerability
databases could not be reached, so nothing was audited (a loud failure, never a pass).
With --allow-unreachable, exit status 2 becomes 0 after the same loud message: `make test`
uses that on machines without internet access (see docs/security.md).
"""

import argparse
import datetime
import json
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXCEPTIONS_FILE = ROOT / "audit-exceptions.toml"
REQUIRED_FIELDS = ("id", "package", "reason", "expires")

CLEAN, VULNERABLE, UNREACHABLE = 0, 1, 2


class AuditUnavailable(Exception):
    """The vulnerability database could not be asked."""


def load_exceptions(path=EXCEPTIONS_FILE, today=None):
    """The accepted vulnerability ids; raises ValueError for an expired or incomplete entry."""
    today = today or datetime.date.today()
    entries = tomllib.loads(path.read_text()).get("exception", [])
    problems = []
    for entry in entries:
        missing = [field for field in REQUIRED_FIELDS if not entry.get(field)]
        if missing:
            problems.append(f"{entry.get('id', '?')}: missing {', '.join(missing)}")
        elif not isinstance(entry["expires"], datetime.date):
            problems.append(f"{entry['id']}: expires must be a date (YYYY-MM-DD)")
        elif entry["expires"] < today:
            problems.append(f"{entry['id']} ({entry['package']}): expired on {entry['expires']}")
    if problems:
        raise ValueError("audit-exceptions.toml: " + "; ".join(problems))
    return {entry["id"] for entry in entries}


def python_findings(report, accepted):
    """Vulnerabilities in a pip-audit JSON report that are not accepted."""
    findings = []
    for dependency in report.get("dependencies", []):
        for vulnerability in dependency.get("vulns", []):
            ids = {vulnerability["id"], *vulnerability.get("aliases", [])}
            if not ids & accepted:
                package = f"{dependency['name']} {dependency['version']}"
                findings.append(f"{package}: {vulnerability['id']}")
    return findings


def npm_findings(report, accepted):
    """Vulnerabilities in an `npm audit --json` report that are not accepted."""
    findings = []
    for name, vulnerability in report.get("vulnerabilities", {}).items():
        advisories = [item for item in vulnerability.get("via", []) if isinstance(item, dict)]
        for advisory in advisories:
            advisory_id = advisory.get("url", "").rsplit("/", 1)[-1]
            if advisory_id not in accepted:
                findings.append(f"{name} {vulnerability.get('range', '')}: {advisory_id}")
    return findings


def run(command):
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)  # noqa: S603


def audit_python(accepted):
    result = run(
        [
            str(ROOT / ".venv" / "bin" / "pip-audit"),
            "--requirement",
            "requirements.lock",
            "--require-hashes",
            "--disable-pip",
            "--strict",
            "--progress-spinner",
            "off",
            "--format",
            "json",
        ]
    )
    if result.returncode != 0 and not result.stdout.strip().startswith("{"):
        raise AuditUnavailable(f"pip-audit could not audit requirements.lock:\n{result.stderr}")
    return python_findings(json.loads(result.stdout), accepted)


def audit_npm(accepted):
    result = run(["npm", "audit", "--omit=dev", "--json"])
    report = json.loads(result.stdout or "{}")
    if "error" in report or "vulnerabilities" not in report:
        raise AuditUnavailable(f"npm audit could not reach the advisory database:\n{result.stderr}")
    return npm_findings(report, accepted)


def banner(lines):
    rule = "!" * 78
    return "\n".join([rule, *lines, rule])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--allow-unreachable", action="store_true")
    arguments = parser.parse_args(argv)
    try:
        accepted = load_exceptions()
    except ValueError as error:
        print(error, file=sys.stderr)
        return VULNERABLE
    findings, unreachable = [], []
    for audit in (audit_python, audit_npm):
        try:
            findings += audit(accepted)
        except AuditUnavailable as error:
            unreachable.append(str(error).strip())
    if findings:
        print("Known vulnerabilities (fix, or accept in audit-exceptions.toml):", file=sys.stderr)
        print("\n".join(f"  {finding}" for finding in findings), file=sys.stderr)
        return VULNERABLE
    if unreachable:
        print(
            banner(
                [
                    "DEPENDENCY AUDIT NOT DONE: the vulnerability databases could not be reached.",
                    "No dependency has been checked for known vulnerabilities. Run `make audit`",
                    "on a machine with internet access (PyPI's JSON API and the npm registry's",
                    "advisory endpoint).",
                    *unreachable,
                ]
            ),
            file=sys.stderr,
        )
        return CLEAN if arguments.allow_unreachable else UNREACHABLE
    print("Dependency audit: no known vulnerabilities.")
    return CLEAN


if __name__ == "__main__":
    sys.exit(main())
