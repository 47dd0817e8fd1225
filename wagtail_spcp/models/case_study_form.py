"""The case study page's admin form: an engagement link limited to the editor's regions."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from ..widgets import limit_chooser_to_queryset
from .engagements import Engagement


class CaseStudyPageForm(WagtailAdminPageForm):
    """Offers only engagements the editor may see, and never names any other.

    An editor who sees no engagement gets no engagement field. A link to an
    engagement outside the editor's regions is kept as it is, with the field left
    out, so its title is not shown and cannot be changed from here.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("engagement")
        if field is None:
            return
        visible = Engagement.objects.for_user(self.for_user)
        linked = self.instance.engagement_id
        if not visible.exists() or (linked and not visible.filter(pk=linked).exists()):
            del self.fields["engagement"]
            return
        field.queryset = visible
        if hasattr(field.widget, "get_instance"):
            limit_chooser_to_queryset(field.widget, visible)

    def clean(self):
        cleaned_data = super().clean()
        kept_link = "engagement" not in self.fields and self.instance.engagement_id
        if kept_link and not cleaned_data.get("host_consented"):
            self.add_error(
                "host_consented",
                _("This story stays linked to an engagement; its host’s consent stays too."),
            )
        return cleaned_data
