"""Surveys in the staff admin: listing, add, edit and inspect (results, links, exports)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column

from ..models import (
    Survey,
    SurveyResponse,
)
from .columns import CountColumn, RegionColumn
from .forms import (
    RegionScopedAdminForm,
    RegionScopedInlinePanel,
)
from .region_scoped import RegionScopedViewSet, count_of
from .surveys import SurveyCreateView, SurveyEditView, SurveyIndexView, SurveyInspectView


class SurveyViewSet(RegionScopedViewSet):
    """Pulse surveys: the public title, the waves' dates, the questions in two languages."""

    model = Survey
    icon = "form"
    menu_label = _("Surveys")
    index_view_class = SurveyIndexView
    add_view_class = SurveyCreateView
    edit_view_class = SurveyEditView
    inspect_view_class = SurveyInspectView
    list_display = [
        "public_title",
        Column("engagement", label=_("Engagement"), sort_key="engagement__title"),
        RegionColumn(lookup="engagement__office__region"),
        CountColumn("response_count", label=_("Responses")),
    ]
    search_fields = ["public_title", "engagement__title"]
    inspect_view_fields = [
        "engagement",
        "public_title",
        "before_opens_on",
        "before_closes_on",
        "after_opens_on",
        "after_closes_on",
        "comment_question_en",
        "comment_question_es",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("engagement"),
            FieldPanel("public_title"),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("before_opens_on"), FieldPanel("before_closes_on")]),
                    FieldRowPanel([FieldPanel("after_opens_on"), FieldPanel("after_closes_on")]),
                ],
                heading=_("Open and close"),
                help_text=_(
                    "Each wave takes answers from its opening day to its closing day, both "
                    "included. A wave with no opening day is not open."
                ),
            ),
            RegionScopedInlinePanel(
                "questions",
                panels=[
                    FieldPanel("dimension"),
                    FieldPanel("text_en"),
                    FieldPanel("text_es"),
                ],
                heading=_("Five-point questions"),
                label=_("Question"),
                help_text=_(
                    "Answered from “strongly disagree” to “strongly agree”. A new survey "
                    "saved with no questions starts with five suggested ones on trust, "
                    "fairness, voice and respect. Removing a question removes its answers."
                ),
            ),
            FieldRowPanel([FieldPanel("comment_question_en"), FieldPanel("comment_question_es")]),
        ],
        base_form_class=RegionScopedAdminForm,
    )

    def get_queryset(self, request):
        return Survey.objects.select_related("engagement__office__region").annotate(
            response_count=count_of(SurveyResponse, "survey")
        )
