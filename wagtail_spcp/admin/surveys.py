"""Staff admin of pulse surveys: the survey and its questions, results, export and links.

Surveys are region-scoped like their engagements. The results page shows a chart and a
table of each question before and after, withholding figures from too few responses
(``surveys.results``); the exports are CSV files whose cells cannot run as formulas, and
each export is in the audit log. The links page prints each wave's address and QR code.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.widgets import Button
from wagtail.log_actions import log
from wagtail.permissions import policy_registry

from ..access import engagements_for_user
from ..choices import SurveyWave
from ..importing.batches import ACTION_EXPORT
from ..importing.spreadsheets import csv_bytes
from ..models import Survey
from ..models.scoping import related_or_none
from ..surveys.links import qr_code_svg, survey_url
from ..surveys.results import results_chart, survey_results
from . import views

TEMPLATES = "wagtail_spcp/admin/surveys/"


def survey_policy():
    return policy_registry.get_by_type(Survey)


def may_view_surveys(user) -> bool:
    return survey_policy().user_has_any_permission(user, {"view", "change"})


def may_add_survey(user) -> bool:
    return survey_policy().user_has_permission(user, "add")


def results_url(survey) -> str:
    return reverse("wagtail_spcp_surveys_admin:results", args=(survey.pk,))


def links_url(survey) -> str:
    return reverse("wagtail_spcp_surveys_admin:links", args=(survey.pk,))


def add_url(engagement) -> str:
    return f"{reverse('wagtailsnippets_wagtail_spcp_survey:add')}?engagement={engagement.pk}"


def survey_of(engagement):
    """The engagement's survey, or None (read from ``select_related`` when a listing has it)."""
    return related_or_none(engagement, "survey")


def require_survey_view(view):
    """Staff who may view surveys, on a survey of their regions (else a 404)."""

    @wraps(view)
    def wrapper(request, survey_id, *args, **kwargs):
        if not may_view_surveys(request.user):
            raise PermissionDenied
        survey = get_object_or_404(
            Survey.objects.for_user(request.user).select_related("engagement"), pk=survey_id
        )
        return view(request, survey, *args, **kwargs)

    return wrapper


@require_survey_view
def results(request, survey):
    """Each question before and after, as a chart and a table, with the comments."""
    survey_results_ = survey_results(survey)
    context = {
        "survey": survey,
        "results": survey_results_,
        "chart": results_chart(survey_results_),
        "waves": [
            {"wave": wave, "url": survey_url(survey, wave.value, request)} for wave in SurveyWave
        ],
        "edit_url": reverse("wagtailsnippets_wagtail_spcp_survey:edit", args=(survey.pk,)),
        "links_url": links_url(survey),
        "figures_csv_url": reverse("wagtail_spcp_surveys_admin:figures_csv", args=(survey.pk,)),
        "comments_csv_url": reverse("wagtail_spcp_surveys_admin:comments_csv", args=(survey.pk,)),
    }
    return TemplateResponse(request, TEMPLATES + "results.html", context)


@require_survey_view
def links(request, survey):
    """Each wave's address and QR code, laid out to print."""
    waves = []
    for wave in SurveyWave:
        url = survey_url(survey, wave.value, request)
        title = _("QR code for the “%(wave)s” survey") % {"wave": wave.label}
        waves.append(
            {
                "wave": wave,
                "url": url,
                "qr_code": qr_code_svg(url, title),
                "opens_on": survey.window(wave.value)[0],
                "closes_on": survey.window(wave.value)[1],
            }
        )
    context = {"survey": survey, "waves": waves, "results_url": results_url(survey)}
    return TemplateResponse(request, TEMPLATES + "links.html", context)


def csv_response(request, survey, rows, name):
    """A formula-safe CSV download, recorded in the audit log."""
    log(
        survey,
        ACTION_EXPORT,
        user=request.user,
        data={"listing": name, "format": "csv", "rows": len(rows) - 1},
    )
    response = HttpResponse(csv_bytes(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="survey-{survey.pk}-{name}.csv"'
    return response


def figures_rows(survey_results_) -> list[list]:
    """The results table as rows: withheld figures are blank, marked in the last column."""
    threshold = survey_results_.threshold
    rows = [
        [
            _("Question"),
            _("Measures"),
            _("Wave"),
            _("Answers"),
            _("Mean (1 to 5)"),
            _("Agree or strongly agree (%)"),
            *[_("Answered %(score)s") % {"score": score} for score in range(1, 6)],
            _("Note"),
        ]
    ]
    withheld = _("Withheld: fewer than %(threshold)s answers") % {"threshold": threshold}
    for result in survey_results_.questions:
        for wave, figure in result.figures():
            start = [result.question.text_en, result.question.get_dimension_display()]
            start.append(SurveyWave(wave).label)
            if figure.withheld:
                rows.append([*start, "", "", "", *[""] * 5, withheld])
            else:
                rows.append(
                    [
                        *start,
                        figure.answers,
                        figure.mean,
                        figure.agree_percent,
                        *figure.by_score,
                        "",
                    ]
                )
    return rows


@require_survey_view
def figures_csv(request, survey):
    return csv_response(request, survey, figures_rows(survey_results(survey)), "figures")


@require_survey_view
def comments_csv(request, survey):
    """The free-text answers of each wave shown on the results page (not of withheld waves)."""
    rows = [[_("Wave"), _("Comment")]]
    for wave in survey_results(survey).waves:
        rows += [[wave.label, comment] for comment in wave.comments or ()]
    return csv_response(request, survey, rows, "comments")


app_name = "wagtail_spcp_surveys_admin"
urlpatterns = [
    path("<int:survey_id>/results/", results, name="results"),
    path("<int:survey_id>/links/", links, name="links"),
    path("<int:survey_id>/figures.csv", figures_csv, name="figures_csv"),
    path("<int:survey_id>/comments.csv", comments_csv, name="comments_csv"),
]


class SurveyButtonsMixin:
    """Header buttons of a survey's edit and inspect views: its results and its links."""

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.object is not None and self.object.pk:
            buttons += [
                Button(_("Results"), url=results_url(self.object), icon_name="table", priority=40),
                Button(
                    _("Links and QR codes"),
                    url=links_url(self.object),
                    icon_name="link",
                    priority=41,
                ),
            ]
        return buttons


class SurveyEditView(SurveyButtonsMixin, views.RegionScopedEditView):
    pass


class SurveyInspectView(SurveyButtonsMixin, views.RegionScopedInspectView):
    pass


class SurveyCreateView(views.snippet_views.CreateView):
    """A new survey, for the engagement named by ``?engagement=`` when the user sees it."""

    def get_initial_form_instance(self):
        engagement_id = self.request.GET.get("engagement", "")
        if not engagement_id.isdigit():
            return None
        engagement = engagements_for_user(self.request.user).filter(pk=engagement_id).first()
        if engagement is None:
            return None
        return Survey(engagement=engagement, public_title=_("Community and police survey"))


class SurveyIndexView(views.RegionScopedIndexView):
    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        buttons.append(MenuItem(_("Results"), url=results_url(instance), icon_name="table"))
        return buttons
