"""The person chooser: searched like the people listing, each candidate told apart.

Many people share a name, so each row shows the email, phone, organization, region and
the engagements the person takes part in. The engagements are prefetched for the page
of results only, so the number of queries does not grow with the number of people.
"""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column

from ..models import Participation
from ..normalise import readable_phone
from .columns import RegionColumn
from .views import (
    RegionScopedChooseResultsView,
    RegionScopedChooserViewSet,
    RegionScopedChooseView,
)


def engagement_titles(person) -> str:
    return ", ".join(p.engagement.title for p in person.participations.all())


class PersonChooserMixin:
    per_page = 20

    def get_object_list(self):
        engagements = Participation.objects.select_related("engagement").only(
            "person_id", "engagement__title"
        )
        return (
            super()
            .get_object_list()
            .select_related("region")
            .prefetch_related(Prefetch("participations", queryset=engagements))
        )

    @property
    def columns(self):
        return [
            *super().columns,
            Column("email", label=_("Email")),
            Column("phone", label=_("Phone"), accessor=lambda p: readable_phone(p.phone)),
            Column("organisation", label=_("Organization")),
            RegionColumn(lookup="region", sort_key=None),
            Column("engagements", label=_("Engagements"), accessor=engagement_titles),
        ]


class PersonChooseView(PersonChooserMixin, RegionScopedChooseView):
    pass


class PersonChooseResultsView(PersonChooserMixin, RegionScopedChooseResultsView):
    pass


class PersonChooserViewSet(RegionScopedChooserViewSet):
    choose_view_class = PersonChooseView
    choose_results_view_class = PersonChooseResultsView
