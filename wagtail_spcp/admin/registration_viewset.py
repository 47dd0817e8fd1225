"""Registration pages in the admin: open one for an engagement's program day.

A region-scoped snippet viewset, not in the menu: the engagement hub links to it.
"""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column

from ..choices import ParticipationStatus
from ..models import EventRegistration
from .columns import CountColumn
from .forms import RegionScopedAdminForm
from .region_scoped import RegionScopedViewSet


class EventRegistrationViewSet(RegionScopedViewSet):
    model = EventRegistration
    icon = "form"
    menu_label = _("Registration pages")
    add_to_admin_menu = False
    list_display = [
        "public_title",
        Column("engagement", label=_("Engagement"), sort_key="engagement__title"),
        "starts_at",
        "capacity",
        CountColumn("registered_count_value", label=_("Registered")),
    ]
    search_fields = ["public_title"]
    inspect_view_fields = [
        "engagement",
        "public_title",
        "starts_at",
        "ends_at",
        "opens_at",
        "closes_at",
        "capacity",
        "waitlist",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("engagement"),
            FieldPanel("is_open"),
            MultiFieldPanel(
                [
                    FieldPanel("public_title"),
                    FieldPanel("public_description"),
                    FieldPanel("location"),
                    FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                ],
                heading=_("Shown to the public"),
            ),
            FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            FieldRowPanel(
                [FieldPanel("capacity"), FieldPanel("waitlist"), FieldPanel("reminder_hours")]
            ),
        ],
        base_form_class=RegionScopedAdminForm,
    )

    def get_queryset(self, request):
        return EventRegistration.objects.select_related("engagement").annotate(
            registered_count_value=Count(
                "engagement__participations",
                filter=Q(
                    engagement__participations__status__in=[
                        ParticipationStatus.REGISTERED,
                        ParticipationStatus.ATTENDED,
                    ]
                ),
            )
        )
