"""SCORM 1.2 packages made in code, for the test suite and the demo content.

``interactive_package`` builds a small but real package: content pages and a knowledge
check whose JavaScript finds ``window.API`` in a parent frame, resumes from
``cmi.core.lesson_location`` and ``cmi.suspend_data``, commits on every step with the
session time, and reports a score with ``passed`` or ``failed``. ``build_zip`` and
``manifest_xml`` make the odd packages the rejection tests need."""

import io
import stat
import zipfile
from dataclasses import dataclass
from html import escape

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"


@dataclass(frozen=True)
class Entry:
    """One zip entry; ``mode`` sets the Unix file type and permissions (e.g. a symlink)."""

    name: str
    data: bytes | str = b""
    mode: int | None = None
    compress: bool = True

    def info(self):
        info = zipfile.ZipInfo(self.name, date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED if self.compress else zipfile.ZIP_STORED
        if self.mode is not None:
            info.create_system = 3  # Unix, so the mode in external_attr counts
            info.external_attr = self.mode << 16
        return info


def build_zip(entries):
    """The bytes of a zip with ``entries`` (``Entry`` or ``(name, data)``), in order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for entry in entries:
            entry = entry if isinstance(entry, Entry) else Entry(*entry)
            data = entry.data.encode() if isinstance(entry.data, str) else entry.data
            archive.writestr(entry.info(), data)
    return buffer.getvalue()


def manifest_xml(
    title="Generated package",
    launch="index.html",
    identifier="kpo-generated",
    mastery_score=None,
    schemaversion="1.2",
    resource_base="",
):
    """A SCORM 1.2 manifest with one organization, one item and its launch resource."""
    mastery = f"<adlcp:masteryscore>{mastery_score}</adlcp:masteryscore>" if mastery_score else ""
    base = f' xml:base="{escape(resource_base)}"' if resource_base else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{escape(identifier)}" version="1.0" xmlns="{IMSCP}" xmlns:adlcp="{ADLCP}">
  <metadata><schema>ADL SCORM</schema><schemaversion>{schemaversion}</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>{escape(title)}</title>
      <item identifier="item-1" identifierref="res-1" isvisible="true">
        <title>{escape(title)}</title>{mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-1" type="webcontent" adlcp:scormtype="sco"
              href="{escape(launch)}"{base}>
      <file href="{escape(launch)}"/>
    </resource>
  </resources>
</manifest>
"""


def simple_package(title="Generated package", launch="index.html", extra=()):
    """A valid package: a manifest and a launch page, plus ``extra`` entries."""
    page = f"<!doctype html><html lang='nl'><title>{escape(title)}</title><p>{escape(title)}</p>"
    return build_zip([("imsmanifest.xml", manifest_xml(title, launch)), (launch, page), *extra])


@dataclass(frozen=True)
class Question:
    text: str
    answers: tuple  # (text, is_correct) pairs


def interactive_package(title, pages, questions, mastery_score=80):
    """A package of content ``pages`` (title, paragraphs) and a knowledge check."""
    manifest = manifest_xml(title, "index.html", "kpo-" + slug(title), mastery_score)
    return build_zip(
        [
            ("imsmanifest.xml", manifest),
            ("index.html", index_html(title, pages, questions)),
            ("assets/course.js", COURSE_JS),
            ("assets/course.css", COURSE_CSS),
        ]
    )


def slug(text):
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")[:40]


def index_html(title, pages, questions):
    sections = [
        page_section(number, heading, paragraphs)
        for number, (heading, paragraphs) in enumerate(pages, start=1)
    ]
    sections.append(quiz_section(len(pages) + 1, questions))
    return f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>{escape(title)}</title>
<link rel="stylesheet" href="assets/course.css">
<script src="assets/course.js" defer></script>
</head>
<body>
<main>
<h1>{escape(title)}</h1>
<p id="welcome" role="status"></p>
{"".join(sections)}
<p id="result" role="status"></p>
</main>
</body>
</html>
"""


def page_section(number, heading, paragraphs):
    text = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)
    return f"""<section data-page="{number}" hidden>
<h2>{escape(heading)}</h2>{text}
<p class="nav"><button type="button" data-previous>Vorige</button>
<button type="button" data-next>Volgende</button></p>
<p class="page-number">Pagina {number}</p>
</section>
"""


def quiz_section(number, questions):
    fieldsets = []
    for index, question in enumerate(questions, start=1):
        options = "".join(
            f'<label><input type="radio" name="q{index}" value="{option}"'
            f"{' data-correct' if correct else ''} required> {escape(text)}</label>"
            for option, (text, correct) in enumerate(question.answers)
        )
        fieldsets.append(f"<fieldset><legend>{escape(question.text)}</legend>{options}</fieldset>")
    return f"""<section data-page="{number}" hidden>
<h2>Kennischeck</h2>
<form id="check">{"".join(fieldsets)}
<p class="nav"><button type="button" data-previous>Vorige</button>
<button type="submit">Controleer mijn antwoorden</button></p>
</form>
<p class="page-number">Pagina {number}</p>
</section>
"""


# The package's own script: SCORM 1.2 API discovery, resume and commits.
COURSE_JS = """(function () {
  "use strict";

  function findAPI(win) {
    for (var depth = 0; win && depth < 10; depth += 1) {
      if (win.API) { return win.API; }
      if (win.parent === win) { break; }
      win = win.parent;
    }
    return null;
  }

  var api = findAPI(window);
  var pages = Array.prototype.slice.call(document.querySelectorAll("[data-page]"));
  var welcome = document.getElementById("welcome");
  var result = document.getElementById("result");
  var state = { visited: [] };
  var done = false;

  var started = Date.now();

  function get(name) { return api ? String(api.LMSGetValue(name)) : ""; }
  function set(name, value) { if (api) { api.LMSSetValue(name, String(value)); } }
  function two(number) { return (number < 10 ? "0" : "") + number; }

  function sessionTime() {
    var centiseconds = Math.floor((Date.now() - started) / 10);
    var seconds = Math.floor(centiseconds / 100);
    return two(Math.floor(seconds / 3600)) + ":" + two(Math.floor(seconds / 60) % 60) + ":" +
      two(seconds % 60) + "." + two(centiseconds % 100);
  }

  function commit() {
    set("cmi.core.session_time", sessionTime());
    if (api) { api.LMSCommit(""); }
  }

  function show(number) {
    pages.forEach(function (page) {
      page.hidden = Number(page.getAttribute("data-page")) !== number;
    });
    if (state.visited.indexOf(number) === -1) { state.visited.push(number); }
    set("cmi.core.lesson_location", number);
    set("cmi.suspend_data", JSON.stringify(state));
    if (!done) { set("cmi.core.lesson_status", "incomplete"); }
    set("cmi.core.exit", "suspend");
    commit();
    document.body.setAttribute("data-current-page", String(number));
  }

  function current() { return Number(document.body.getAttribute("data-current-page")) || 1; }

  if (!api) {
    welcome.textContent = "Geen leeromgeving gevonden: uw voortgang wordt niet bewaard.";
  } else {
    api.LMSInitialize("");
  }
  var status = get("cmi.core.lesson_status");
  done = status === "passed" || status === "completed";
  var suspended = get("cmi.suspend_data");
  if (suspended) {
    try { state = JSON.parse(suspended); } catch (error) { state = { visited: [] }; }
  }
  var location = Number(get("cmi.core.lesson_location")) || 1;
  if (get("cmi.core.entry") === "resume") {
    welcome.textContent = "Welkom terug. U gaat verder op pagina " + location +
      " (eerder bekeken: " + state.visited.join(", ") + ").";
  } else {
    welcome.textContent = "Welkom bij deze e-learning.";
    location = 1;
  }
  document.body.setAttribute("data-entry", get("cmi.core.entry"));

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-next]")) { show(Math.min(current() + 1, pages.length)); }
    if (event.target.closest("[data-previous]")) { show(Math.max(current() - 1, 1)); }
  });

  document.getElementById("check").addEventListener("submit", function (event) {
    event.preventDefault();
    var fieldsets = event.target.querySelectorAll("fieldset");
    var correct = 0;
    Array.prototype.forEach.call(fieldsets, function (fieldset) {
      var chosen = fieldset.querySelector("input:checked");
      if (chosen && chosen.hasAttribute("data-correct")) { correct += 1; }
    });
    var score = Math.round(100 * correct / fieldsets.length);
    var mastery = Number(get("cmi.student_data.mastery_score")) || 80;
    var passed = score >= mastery;
    set("cmi.core.score.min", 0);
    set("cmi.core.score.max", 100);
    set("cmi.core.score.raw", score);
    set("cmi.core.lesson_status", passed ? "passed" : "failed");
    set("cmi.core.exit", passed ? "" : "suspend");
    commit();
    result.textContent = passed
      ? "Geslaagd met een score van " + score + "%."
      : "Niet geslaagd: uw score is " + score + "%. Probeer het nog eens.";
    if (passed && api) { api.LMSFinish(""); }
  });

  show(location);
}());
"""

COURSE_CSS = """body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 1.5rem; }
fieldset { margin-block: 1rem; }
label { display: block; }
.page-number { color: #555; }
"""


def demo_questions():
    """The knowledge check of the demo package (Wet Bibob)."""
    return [
        Question(
            "Wanneer kan een gemeente een vergunning weigeren op grond van de Wet Bibob?",
            (
                (
                    "Als er ernstig gevaar is dat de vergunning ook wordt gebruikt om "
                    "strafbare feiten te plegen of uit strafbare feiten verkregen voordelen "
                    "te benutten",
                    True,
                ),
                ("Als de aanvrager geen inwoner van de gemeente is", False),
                ("Alleen als de aanvrager al eens is veroordeeld", False),
            ),
        ),
        Question(
            "Wie kan de gemeente om advies vragen bij een Bibob-onderzoek?",
            (
                ("Het Landelijk Bureau Bibob", True),
                ("De Kamer van Koophandel", False),
                ("De Autoriteit Persoonsgegevens", False),
            ),
        ),
    ]


SYMLINK = stat.S_IFLNK | 0o777
