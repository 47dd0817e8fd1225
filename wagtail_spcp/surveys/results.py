"""A survey's results: each question before and after, with figures from too few withheld.

A figure (a count, a mean, a share, the spread of scores) is shown only when it comes from
at least ``conf.survey_min_responses()`` answers, so that nobody's answer can be picked
out of a small group; comments of a wave are shown only when the wave has that many.
"""

from dataclasses import dataclass, field

from django.db.models import Count

from .. import conf
from ..choices import AgreementScale, SurveyWave
from ..models import SurveyAnswer, SurveyResponse

AGREE = (AgreementScale.AGREE, AgreementScale.STRONGLY_AGREE)

# Geometry of the results chart, in SVG user units.
CHART_LABEL_WIDTH = 90
CHART_BAR_WIDTH = 300
CHART_BAR_HEIGHT = 16
CHART_QUESTION_HEIGHT = 78


@dataclass
class Figure:
    """One question's answers in one wave."""

    answers: int
    withheld: bool
    by_score: list = field(default_factory=list)  # answers per score, 1 to 5
    mean: float | None = None
    agree_percent: float | None = None  # share answering "agree" or "strongly agree"


@dataclass
class QuestionResult:
    question: object
    before: Figure
    after: Figure

    @property
    def change(self) -> float | None:
        """The change in the share agreeing, in points, when both waves are shown."""
        if self.before.withheld or self.after.withheld:
            return None
        return round(self.after.agree_percent - self.before.agree_percent, 1)

    def figures(self):
        return ((SurveyWave.BEFORE, self.before), (SurveyWave.AFTER, self.after))


@dataclass
class WaveTotal:
    wave: str
    label: str
    responses: int
    withheld: bool
    comments: list | None  # None when withheld


@dataclass
class SurveyResults:
    threshold: int
    waves: list  # WaveTotal, before then after
    questions: list  # QuestionResult

    @property
    def any_withheld(self) -> bool:
        return any(wave.withheld for wave in self.waves) or any(
            figure.withheld for result in self.questions for _, figure in result.figures()
        )


def make_figure(counts: dict, threshold: int) -> Figure:
    """The figure of ``counts`` ({score: answers}), withheld below ``threshold`` answers."""
    answers = sum(counts.values())
    if answers < threshold:
        return Figure(answers=answers, withheld=True)
    total = sum(score * n for score, n in counts.items())
    agree = sum(counts.get(score, 0) for score in AGREE)
    return Figure(
        answers=answers,
        withheld=False,
        by_score=[counts.get(score, 0) for score in AgreementScale.values],
        mean=round(total / answers, 2),
        agree_percent=round(100 * agree / answers, 1),
    )


def survey_results(survey, threshold=None) -> SurveyResults:
    """The results of ``survey``: every figure, and the comments of waves shown."""
    threshold = threshold or conf.survey_min_responses()
    counts = {}
    rows = (
        SurveyAnswer.objects.filter(response__survey=survey)
        .order_by()
        .values_list("question_id", "response__wave", "score")
        .annotate(n=Count("pk"))
    )
    for question_id, wave, score, n in rows:
        counts.setdefault((question_id, wave), {})[score] = n
    questions = [
        QuestionResult(
            question=question,
            before=make_figure(counts.get((question.pk, SurveyWave.BEFORE), {}), threshold),
            after=make_figure(counts.get((question.pk, SurveyWave.AFTER), {}), threshold),
        )
        for question in survey.questions.all()
    ]
    responses = SurveyResponse.objects.filter(survey=survey)
    totals = dict(
        responses.order_by().values_list("wave").annotate(n=Count("pk")).values_list("wave", "n")
    )
    waves = []
    for wave in SurveyWave:
        total = totals.get(wave.value, 0)
        withheld = total < threshold
        comments = None
        if not withheld:
            # In the order of their text, not of their arrival.
            wave_responses = responses.filter(wave=wave.value).exclude(comment="")
            comments = sorted(wave_responses.values_list("comment", flat=True))
        waves.append(WaveTotal(wave.value, wave.label, total, withheld, comments))
    return SurveyResults(threshold=threshold, waves=waves, questions=questions)


def results_chart(results: SurveyResults) -> dict:
    """Bar positions for the SVG chart: the share agreeing, per question, before and after."""
    rows = []
    for index, result in enumerate(results.questions):
        top = index * CHART_QUESTION_HEIGHT
        bars = []
        for offset, (wave, figure) in enumerate(result.figures()):
            y = top + 22 + offset * (CHART_BAR_HEIGHT + 8)
            width = 0 if figure.withheld else round(CHART_BAR_WIDTH * figure.agree_percent / 100)
            bars.append(
                {
                    "wave": wave,
                    "label": SurveyWave(wave).label,
                    "figure": figure,
                    "y": y,
                    "text_y": y + CHART_BAR_HEIGHT - 3,
                    "width": width,
                    "value_x": CHART_LABEL_WIDTH + width + 6,
                }
            )
        rows.append({"number": index + 1, "title_y": top + 14, "bars": bars})
    return {
        "rows": rows,
        "label_width": CHART_LABEL_WIDTH,
        "bar_width": CHART_BAR_WIDTH,
        "bar_height": CHART_BAR_HEIGHT,
        "width": CHART_LABEL_WIDTH + CHART_BAR_WIDTH + 110,
        "height": max(1, len(rows)) * CHART_QUESTION_HEIGHT,
    }
