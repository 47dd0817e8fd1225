"""The public survey form: one five-point question after another, then a free-text one."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ..choices import AgreementScale
from ..models import SurveyAnswer, SurveyResponse
from ..models.surveys import COMMENT_MAX_LENGTH


class SurveyForm(forms.Form):
    """Answers to ``survey``'s questions in ``language``; every question may be skipped."""

    def __init__(self, survey, questions, language, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.survey, self.questions, self.language = survey, list(questions), language
        for question in self.questions:
            self.fields[self.field_name(question)] = forms.TypedChoiceField(
                label=question.text(language),
                choices=AgreementScale.choices,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
            )
        self.fields["comment"] = forms.CharField(
            label=survey.comment_question(language),
            required=False,
            max_length=COMMENT_MAX_LENGTH,
            widget=forms.Textarea(attrs={"rows": 4}),
        )

    @staticmethod
    def field_name(question) -> str:
        return f"question_{question.pk}"

    def question_fields(self):
        return [self[self.field_name(question)] for question in self.questions]

    def clean(self):
        data = super().clean()
        scores = [data.get(self.field_name(question)) for question in self.questions]
        if all(score is None for score in scores) and not data.get("comment", "").strip():
            raise forms.ValidationError(_("Please answer at least one question."))
        return data

    @transaction.atomic
    def save(self, wave) -> SurveyResponse:
        """Store the answers: the wave, today's date, the language and the scores only."""
        response = SurveyResponse.objects.create(
            survey=self.survey,
            wave=wave,
            language=self.language,
            comment=self.cleaned_data.get("comment", "").strip(),
        )
        SurveyAnswer.objects.bulk_create(
            SurveyAnswer(response=response, question=question, score=score)
            for question in self.questions
            if (score := self.cleaned_data.get(self.field_name(question))) is not None
        )
        return response
