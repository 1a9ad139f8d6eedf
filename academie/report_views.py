"""Reports for the owner of an e-learning or training and for beheerders, on the page
and as CSV. Anyone else gets 403 on the overview and 404 on a report."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from academie import reports
from academie.models import CoursePage, TrainingPage
from academie.progress import can_learn


def owned_page(request, model, pk):
    if not can_learn(request.user):
        raise PermissionDenied
    return get_object_or_404(reports.owned(request.user, model), pk=pk)


@login_required
def index(request):
    """The e-learnings and trainings whose reports the user may see."""
    if not can_learn(request.user):
        raise PermissionDenied
    courses = reports.owned(request.user, CoursePage).order_by("title")
    trainings = reports.owned(request.user, TrainingPage).order_by("title")
    if not courses and not trainings and not reports.is_administrator(request.user):
        raise PermissionDenied
    context = {"courses": courses, "trainings": trainings}
    return TemplateResponse(request, "academie/reports.html", context)


def render_report(request, page, report, csv_url_name):
    context = {
        "page_title": page.title,
        "report_page": page,
        "summary": report.summary(),
        "tables": report.tables(),
        "csv_url_name": csv_url_name,
    }
    return TemplateResponse(request, "academie/report.html", context)


def export(page, report, table):
    tables = report.tables()
    if table not in tables:
        raise Http404
    _caption, header, rows = tables[table]
    return reports.csv_response(f"{page.slug}-{table}.csv", header, rows)


@login_required
def course(request, course_id):
    page = owned_page(request, CoursePage, course_id)
    return render_report(request, page, reports.course_report(page), "academie:course_report_csv")


@login_required
def course_csv(request, course_id, table):
    page = owned_page(request, CoursePage, course_id)
    return export(page, reports.course_report(page), table)


@login_required
def training(request, training_id):
    page = owned_page(request, TrainingPage, training_id)
    report = reports.training_report(page)
    return render_report(request, page, report, "academie:training_report_csv")


@login_required
def training_csv(request, training_id, table):
    page = owned_page(request, TrainingPage, training_id)
    return export(page, reports.training_report(page), table)
