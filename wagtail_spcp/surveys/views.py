"""The public survey page of one wave, opened by the survey's unguessable link.

It shows the public title staff set and the questions, nothing of the engagement. A
response stores no person, IP address or user agent. The one cookie it sets is a signed
flag that this browser has answered this wave (the same value for every browser, with no
timestamp), to stop a second submission; no session or CSRF cookie is set. Forging a
submission from another site gains nothing over submitting the public form, so the form
carries no CSRF token.
"""

import hashlib

from django.core.signing import BadSignature, Signer
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from ..choices import SurveyWave
from ..models import Survey
from ..models.surveys import WaveState
from .forms import SurveyForm

COOKIE_SALT = "wagtail_spcp.surveys.answered"
COOKIE_MAX_AGE = 365 * 24 * 3600
ANSWERED = "1"
# Only what a public page may show: the survey's public fields.
PUBLIC_FIELDS = (
    "pk",
    "token",
    "public_title",
    "before_opens_on",
    "before_closes_on",
    "after_opens_on",
    "after_closes_on",
    "comment_question_en",
    "comment_question_es",
)


def answered_cookie_name(survey, wave) -> str:
    """A cookie name per survey and wave, which does not reveal the token."""
    digest = hashlib.sha256(f"{survey.token}:{wave}".encode()).hexdigest()[:16]
    return f"spcp_survey_{digest}"


def answered_signer(survey, wave) -> Signer:
    # No timestamp: the value is the same for every browser that answered the wave.
    return Signer(salt=f"{COOKIE_SALT}:{survey.token}:{wave}")


def has_answered(request, survey, wave) -> bool:
    value = request.COOKIES.get(answered_cookie_name(survey, wave))
    if not value:
        return False
    try:
        return answered_signer(survey, wave).unsign(value) == ANSWERED
    except BadSignature:
        return False


def mark_answered(response, request, survey, wave):
    response.set_cookie(
        answered_cookie_name(survey, wave),
        answered_signer(survey, wave).sign(ANSWERED),
        max_age=COOKIE_MAX_AGE,
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )


@never_cache
@csrf_exempt
def take_survey(request, token, wave):
    """The survey page of ``wave``: the form while it is open, else a clear message."""
    if wave not in SurveyWave.values:
        raise Http404
    survey = get_object_or_404(Survey.objects.only(*PUBLIC_FIELDS), token=token)
    language = get_language() or ""
    state = survey.wave_state(wave, timezone.localdate())
    answered = has_answered(request, survey, wave)
    form = None
    if state == WaveState.OPEN and not answered:
        questions = survey.questions.only("pk", "survey_id", "text_en", "text_es", "sort_order")
        data = request.POST if request.method == "POST" else None
        form = SurveyForm(survey, questions, language, data=data)
        if data is not None and form.is_valid():
            form.save(wave)
            response = redirect(request.path)
            mark_answered(response, request, survey, wave)
            return response
    opens_on, closes_on = survey.window(wave)
    context = {
        "survey": survey,
        "wave": wave,
        "wave_label": SurveyWave(wave).label,
        "state": state,
        "answered": answered,
        "opens_on": opens_on,
        "closes_on": closes_on,
        "form": form,
    }
    response = TemplateResponse(request, "wagtail_spcp/surveys/survey.html", context)
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response
