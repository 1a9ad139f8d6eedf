"""Certificates: the learner's PDF download, and the public check of a verification code."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from academie import certificates, progress
from academie.forms import CertificateCodeForm
from academie.models import CoursePage


@login_required
@require_GET
def download(request, course_id):
    """The PDF certificate of a course the learner completed."""
    if not progress.can_learn(request.user):
        raise PermissionDenied
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    certificate = certificates.certificate_for(request.user, course)
    if certificate is None or not certificate.is_valid:
        raise Http404
    verify_url = request.build_absolute_uri(
        reverse("academie:certificate", args=[certificate.code])
    )
    response = HttpResponse(
        certificates.render_pdf(certificate, verify_url), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="certificaat-{course.slug}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def check(request):
    """The public form to enter a verification code."""
    form = CertificateCodeForm(request.GET or None)
    if form.is_valid():
        return redirect("academie:certificate", code=form.cleaned_data["code"])
    return TemplateResponse(request, "academie/certificate_check.html", {"form": form})


@require_GET
def verify(request, code):
    """Whether ``code`` belongs to a valid certificate: only the name and the course."""
    normalised = certificates.normalise_code(code)
    if normalised and normalised != code:
        return redirect("academie:certificate", code=normalised)
    certificate = certificates.find(normalised) if normalised else None
    context = {"form": CertificateCodeForm(), "code": code, "certificate": certificate}
    status = 200 if certificate else 404
    return TemplateResponse(request, "academie/certificate_check.html", context, status=status)
