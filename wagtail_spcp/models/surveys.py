"""The before/after pulse survey of an engagement, and its anonymous responses.

A survey belongs to one engagement and is opened by an unguessable link (``token``) with
one address per wave ("before" and "after"). Its questions are staff-edited, in English
and Spanish. A response holds its wave, the day it was given, the page's language, the
scores and the free-text answer: nothing about the person, their address or browser.
"""

import datetime
import secrets

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Orderable

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from ..choices import AgreementScale, SurveyDimension, SurveyWave
from .scoping import RegionOwned

# Sensible first questions, after the procedural-justice materials of the COPS Office
# (voice, fairness, respect, trustworthy motives). Staff edit them per survey.
DEFAULT_QUESTIONS = (
    (
        SurveyDimension.TRUST,
        "I trust the police in my community to do what is right.",
        "Confío en que la policía de mi comunidad hace lo correcto.",
    ),
    (
        SurveyDimension.TRUST,
        "The police in my community act in the interest of the people who live here.",
        "La policía de mi comunidad actúa en interés de las personas que viven aquí.",
    ),
    (
        SurveyDimension.FAIRNESS,
        "The police in my community treat people fairly, whoever they are.",
        "La policía de mi comunidad trata a las personas con justicia, sean quienes sean.",
    ),
    (
        SurveyDimension.VOICE,
        "The police in my community listen to what residents have to say.",
        "La policía de mi comunidad escucha lo que dicen los residentes.",
    ),
    (
        SurveyDimension.RESPECT,
        "The police in my community treat people with dignity and respect.",
        "La policía de mi comunidad trata a las personas con dignidad y respeto.",
    ),
)
DEFAULT_COMMENT_QUESTION_EN = "Is there anything else you would like to tell us?"
DEFAULT_COMMENT_QUESTION_ES = "¿Hay algo más que quiera decirnos?"
COMMENT_MAX_LENGTH = 2000


def new_survey_token() -> str:
    """An unguessable token for a survey's public link (about 190 bits)."""
    return secrets.token_urlsafe(24)


def in_language(english: str, spanish: str, language: str) -> str:
    """The Spanish text on Spanish pages when there is one, else the English."""
    if spanish and (language or "").lower().startswith("es"):
        return spanish
    return english


class WaveState(models.TextChoices):
    """Whether a wave takes answers today."""

    NOT_SCHEDULED = "not_scheduled", _("Not scheduled")
    NOT_YET_OPEN = "not_yet_open", _("Not yet open")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Survey(RegionOwned, ClusterableModel):
    """An engagement's pulse survey, taken before and after the program."""

    region_path = "engagement__office__region"

    engagement = models.OneToOneField(
        "wagtail_spcp.Engagement",
        on_delete=models.CASCADE,
        related_name="survey",
        verbose_name=_("engagement"),
    )
    public_title = models.CharField(
        _("public title"),
        max_length=150,
        help_text=_(
            "Shown to everyone who opens the survey, for example “Community and police "
            "survey”. Name nothing confidential."
        ),
    )
    token = models.CharField(
        _("link token"), max_length=64, unique=True, editable=False, default=new_survey_token
    )
    before_opens_on = models.DateField(_("“before” opens on"), null=True, blank=True)
    before_closes_on = models.DateField(_("“before” closes on"), null=True, blank=True)
    after_opens_on = models.DateField(_("“after” opens on"), null=True, blank=True)
    after_closes_on = models.DateField(_("“after” closes on"), null=True, blank=True)
    comment_question_en = models.CharField(
        _("free-text question (English)"), max_length=250, default=DEFAULT_COMMENT_QUESTION_EN
    )
    comment_question_es = models.CharField(
        _("free-text question (Spanish)"),
        max_length=250,
        blank=True,
        default=DEFAULT_COMMENT_QUESTION_ES,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(before_closes_on__isnull=True)
                | models.Q(before_opens_on__isnull=True)
                | models.Q(before_closes_on__gte=models.F("before_opens_on")),
                name="spcp_survey_before_dates_ordered",
                violation_error_message=_("The “before” wave cannot close before it opens."),
            ),
            models.CheckConstraint(
                condition=models.Q(after_closes_on__isnull=True)
                | models.Q(after_opens_on__isnull=True)
                | models.Q(after_closes_on__gte=models.F("after_opens_on")),
                name="spcp_survey_after_dates_ordered",
                violation_error_message=_("The “after” wave cannot close before it opens."),
            ),
        ]

    def __str__(self):
        return self.public_title

    def save(self, *args, **kwargs):
        adding = self._state.adding
        with transaction.atomic():
            super().save(*args, **kwargs)
            if adding and not self.questions.exists():
                self.add_default_questions()

    def add_default_questions(self):
        SurveyQuestion.objects.bulk_create(
            SurveyQuestion(survey=self, sort_order=n, dimension=dimension, text_en=en, text_es=es)
            for n, (dimension, en, es) in enumerate(DEFAULT_QUESTIONS)
        )

    def window(self, wave) -> tuple[datetime.date | None, datetime.date | None]:
        """The first and last day ``wave`` takes answers (either may be unset)."""
        return getattr(self, f"{wave}_opens_on"), getattr(self, f"{wave}_closes_on")

    def wave_state(self, wave, today=None) -> WaveState:
        """Whether ``wave`` takes answers on ``today``: from its opening day to its closing
        day, both included; a wave with no opening day is not scheduled."""
        today = today or timezone.localdate()
        opens_on, closes_on = self.window(wave)
        if opens_on is None:
            return WaveState.NOT_SCHEDULED
        if today < opens_on:
            return WaveState.NOT_YET_OPEN
        if closes_on is not None and today > closes_on:
            return WaveState.CLOSED
        return WaveState.OPEN

    def comment_question(self, language) -> str:
        return in_language(self.comment_question_en, self.comment_question_es, language)


class SurveyQuestion(RegionOwned, Orderable):
    """A five-point question (strongly disagree to strongly agree), in English and Spanish."""

    region_path = "survey__engagement__office__region"

    survey = ParentalKey(Survey, on_delete=models.CASCADE, related_name="questions")
    dimension = models.CharField(
        _("measures"), max_length=20, choices=SurveyDimension.choices, default=SurveyDimension.TRUST
    )
    text_en = models.CharField(_("question (English)"), max_length=250)
    text_es = models.CharField(
        _("question (Spanish)"),
        max_length=250,
        blank=True,
        help_text=_("Shown on the Spanish survey page; the English is shown when blank."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("survey question")
        verbose_name_plural = _("survey questions")

    def __str__(self):
        return self.text_en

    def text(self, language) -> str:
        return in_language(self.text_en, self.text_es, language)


class SurveyResponse(RegionOwned):
    """One anonymous answer to a survey's wave: no person, address, browser or time of day."""

    region_path = "survey__engagement__office__region"

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="responses", verbose_name=_("survey")
    )
    wave = models.CharField(_("wave"), max_length=10, choices=SurveyWave.choices)
    submitted_on = models.DateField(_("submitted on"), default=timezone.localdate)
    language = models.CharField(_("language"), max_length=10, blank=True)
    comment = models.TextField(_("comment"), blank=True, max_length=COMMENT_MAX_LENGTH)

    class Meta:
        ordering = ["survey", "wave", "pk"]
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        indexes = [models.Index(fields=["survey", "wave"], name="spcp_survey_response_wave_idx")]

    def __str__(self):
        return f"{self.survey}: {self.get_wave_display()}"


class SurveyAnswer(RegionOwned):
    """The score one response gave one question (a question left blank has no answer)."""

    region_path = "response__survey__engagement__office__region"

    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    score = models.PositiveSmallIntegerField(_("score"), choices=AgreementScale.choices)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="spcp_survey_answer_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="spcp_survey_answer_score"
            ),
        ]

    def __str__(self):
        return f"{self.question}: {self.score}"
