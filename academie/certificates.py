"""Certificates of completed e-learnings: issuing, the PDF, and looking up a code.

A certificate is issued the first time a learner asks for it, once their enrolment in a
course with certificates is completed; it keeps the name and course title it was issued
with. Anyone can check a code at ``/academie/certificaat/<code>/``."""

import re
from importlib.resources import files

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF

from academie.models import Certificate, Enrolment, EnrolmentStatus
from academie.models.certificate import CODE_GROUP_LENGTH, CODE_GROUPS

CODE_PREFIX = "KPO"

# Source Sans Pro (SIL Open Font License 1.1, from the font-source-sans-pro package):
# embedded, as a subset, so names in any Latin script (Łukasz, Zoë Ğür, Đorđe) print as
# they are; the PDF's built-in fonts know Latin-1 only.
FONT_FAMILY = "SourceSansPro"
FONT_FILES = {"": "SourceSansPro-Regular.ttf", "B": "SourceSansPro-Bold.ttf"}


def certificate_for(user, course):
    """``user``'s certificate of ``course``, issued now if they completed it; else None."""
    if not course.has_certificate:
        return None
    enrolment = Enrolment.objects.filter(
        user=user, course=course, status=EnrolmentStatus.ACTIVE, completed_at__isnull=False
    ).first()
    if enrolment is None:
        return None
    certificate, _created = Certificate.objects.get_or_create(
        user=user,
        course=course,
        defaults={
            "learner_name": user.full_name or user.email,
            "course_title": course.title,
            "completed_at": enrolment.completed_at,
        },
    )
    return certificate


def normalise_code(text):
    """A code as typed (any case, spaces, with or without dashes or prefix) in its stored
    form, e.g. ``kpo 7hq2mxr9 c4tw-pz3k`` → ``KPO-7HQ2-MXR9-C4TW-PZ3K``."""
    characters = re.sub(r"[^A-Z0-9]", "", (text or "").upper()).removeprefix(CODE_PREFIX)
    if len(characters) != CODE_GROUPS * CODE_GROUP_LENGTH:
        return characters
    groups = [
        characters[start : start + CODE_GROUP_LENGTH]
        for start in range(0, len(characters), CODE_GROUP_LENGTH)
    ]
    return "-".join([CODE_PREFIX, *groups])


def find(code):
    return Certificate.objects.filter(code=normalise_code(code)).first()


def render_pdf(certificate, verify_url):
    """The certificate as an A4 landscape PDF (bytes)."""
    pdf = FPDF(orientation="landscape", format="A4")
    for style, name in FONT_FILES.items():
        pdf.add_font(FONT_FAMILY, style, files("font_source_sans_pro") / "files" / name)
    pdf.set_title(_("Certificaat %(course)s") % {"course": certificate.course_title})
    pdf.set_author(_("Kennisplatform Ondermijning"))
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_draw_color(0, 70, 140)
    pdf.set_line_width(1.2)
    pdf.rect(12, 12, pdf.w - 24, pdf.h - 24)
    pdf.set_y(34)
    line(pdf, _("Kennisplatform Ondermijning · Ondermijningsacademie"), 13)
    pdf.ln(10)
    line(pdf, _("Certificaat"), 34, style="B")
    pdf.ln(8)
    line(pdf, _("Hierbij verklaren wij dat"), 14)
    pdf.ln(3)
    line(pdf, certificate.learner_name, 26, style="B")
    pdf.ln(3)
    line(pdf, _("de e-learning"), 14)
    pdf.ln(3)
    line(pdf, certificate.course_title, 20, style="B")
    pdf.ln(3)
    completed = date_format(timezone.localtime(certificate.completed_at), "j F Y")
    line(pdf, _("met goed gevolg heeft afgerond op %(date)s.") % {"date": completed}, 14)
    pdf.set_y(pdf.h - 48)
    line(pdf, _("Verificatiecode: %(code)s") % {"code": certificate.code}, 12, style="B")
    line(pdf, _("Controleer dit certificaat op %(url)s") % {"url": verify_url}, 10)
    return bytes(pdf.output())


def line(pdf, text, size, style=""):
    pdf.set_font(FONT_FAMILY, style=style, size=size)
    pdf.multi_cell(0, size * 0.5, str(text), align="C", new_x="LMARGIN", new_y="NEXT")
