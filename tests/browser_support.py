"""Helpers for the browser suites: log a user in, and record Content-Security-Policy
violations and script errors in every frame of a page."""

from django.conf import settings
from django.test import Client

# Runs in every document and frame before its own scripts (Playwright injects it through
# the DevTools protocol, so the page's CSP does not apply to it).
RECORD_VIOLATIONS = """
window.__kpoViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__kpoViolations.push({
    directive: event.violatedDirective,
    blocked: event.blockedURI || 'inline',
    source: `${event.sourceFile || document.location.href}:${event.lineNumber}`,
    sample: event.sample || '',
  });
});
"""

# The one violation KPO accepts (docs/security.md, "Content-Security-Policy"): Draftail,
# Wagtail's rich-text editor, writes its per-block placeholder hints ("Kop 2", "Schrijf
# iets…") into a <style> element whose text changes with the focused block, so no hash can
# allow it, and React gives it no nonce. The browser blocks it; editors only miss the grey
# hint in an empty block. Matched on directive, script and the sample's first characters.
KNOWN_VIOLATIONS = [("style-src-elem", "/static/wagtailadmin/js/vendor.js", ".Draftail-block--")]


def is_known(violation):
    return any(
        violation["directive"] == directive
        and source in violation["source"]
        and violation["sample"].startswith(sample)
        for directive, source, sample in KNOWN_VIOLATIONS
    )


def log_in(page, live_server, user):
    """Gives the browser a session of ``user`` (as after login, MFA included)."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def is_expected_failure(response):
    """Wagtail's preview and autosave post the edit form in the background and answer 400
    with JSON while it is invalid (e.g. a new InlinePanel form not filled in yet): that is
    their way of reporting, not an error."""
    path = response.url.split("?")[0]
    return (
        response.status == 400
        and response.request.method == "POST"
        and path.endswith(("/edit/", "/edit/preview/"))
        and "json" in response.headers.get("content-type", "")
    )


class ProblemRecorder:
    """Collects CSP violations (from the ``securitypolicyviolation`` events of every frame),
    script errors and failed requests of a Playwright page."""

    def __init__(self, page):
        self.page = page
        self.script_errors = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.script_errors.append(f"uncaught: {error}"))
        page.on("response", self._on_response)

    def _on_console(self, message):
        # CSP reports come from the violation events, with their sample; failed requests
        # from the responses, with their URL; every other console error counts.
        text = message.text
        reported_elsewhere = text.startswith("Failed to load resource") or (
            "Content Security Policy" in text
        )
        if message.type == "error" and not reported_elsewhere:
            self.script_errors.append(f"{text} ({message.location.get('url', '')})")

    def _on_response(self, response):
        if response.status >= 400 and not is_expected_failure(response):
            self.script_errors.append(f"{response.status} {response.request.method} {response.url}")

    def _violations(self):
        found = []
        for frame in self.page.frames:
            found += frame.evaluate("window.__kpoViolations || []")
            frame.evaluate("window.__kpoViolations = []")
        return found

    def problems(self):
        """Unexpected violations and script errors since the last call."""
        violations = [
            "{directive} blocked {blocked} in {source} {sample}".format(**violation)
            for violation in self._violations()
            if not is_known(violation)
        ]
        problems, self.script_errors = violations + self.script_errors, []
        return problems
