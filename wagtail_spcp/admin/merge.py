"""Merge two records of the same person: the survivor keeps every participation and seat."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from ..choices import ParticipationStatus
from ..importing.columns import PERSON_FIELDS
from ..models import Person
from .audit import PERSON_MERGE
from .forms import MergePeopleForm
from .permissions import permission_policy_for

# Person fields the survivor takes from the duplicate when its own are blank.
FILLABLE_FIELDS = [
    name for name in PERSON_FIELDS if name not in ("first_name", "last_name", "consent_to_contact")
]


def merge_summary(survivor, duplicate):
    """What a merge will do, shown on the confirmation page and returned by ``merge_people``."""
    survivor_engagements = set(survivor.participations.values_list("engagement_id", flat=True))
    participations = list(duplicate.participations.select_related("engagement"))
    return {
        "participations_moved": sum(
            p.engagement_id not in survivor_engagements for p in participations
        ),
        "participations_combined": sum(
            p.engagement_id in survivor_engagements for p in participations
        ),
        "memberships_moved": duplicate.council_memberships.count(),
        "groups_moved": duplicate.facilitated_groups.count(),
        "fields_filled": [
            name
            for name in FILLABLE_FIELDS
            if not getattr(survivor, name) and getattr(duplicate, name)
        ]
        + (["consent_to_contact"] if duplicate.consent_to_contact else []),
    }


@transaction.atomic
def merge_people(survivor, duplicate, user=None):
    """Move ``duplicate``'s participations, council seats and facilitated groups to ``survivor``.

    A participation in an engagement the survivor already takes part in is combined
    with the survivor's: an attendance and a missing breakout group carry over. Blank
    contact fields of the survivor are filled from the duplicate, which is then deleted.
    Both steps are in the audit log with the acting user.
    """
    if survivor.pk == duplicate.pk:
        raise ValueError("A person cannot be merged into themselves.")
    summary = merge_summary(survivor, duplicate)
    kept = {p.engagement_id: p for p in survivor.participations.all()}
    for participation in duplicate.participations.all():
        existing = kept.get(participation.engagement_id)
        if existing is None:
            participation.person = survivor
            participation.save(update_fields=["person", "updated_at"])
            continue
        if participation.status == ParticipationStatus.ATTENDED:
            existing.status = ParticipationStatus.ATTENDED
        if existing.breakout_group_id is None:
            existing.breakout_group_id = participation.breakout_group_id
        existing.save(update_fields=["status", "breakout_group", "updated_at"])
    duplicate.council_memberships.update(person=survivor)
    duplicate.facilitated_groups.update(facilitator=survivor)

    for name in FILLABLE_FIELDS:
        if not getattr(survivor, name) and getattr(duplicate, name):
            setattr(survivor, name, getattr(duplicate, name))
    survivor.consent_to_contact = survivor.consent_to_contact or duplicate.consent_to_contact

    duplicate_id = duplicate.pk
    log(instance=duplicate, action="wagtail.delete", user=user, deleted=True)
    duplicate.delete()
    survivor.save()
    log(
        instance=survivor,
        action=PERSON_MERGE,
        user=user,
        data={"duplicate_id": duplicate_id, **summary},
        content_changed=True,
    )
    return summary


class MergePeopleView(WagtailAdminTemplateMixin, FormView):
    """Choose a survivor and a duplicate, confirm, then merge."""

    form_class = MergePeopleForm
    template_name = "wagtail_spcp/admin/merge_people.html"
    confirm_template_name = "wagtail_spcp/admin/merge_people_confirm.html"
    page_title = _("Merge duplicate people")
    header_icon = "user"
    index_url_name = None
    edit_url_name = None

    def dispatch(self, request, *args, **kwargs):
        policy = permission_policy_for(Person)
        if not (
            policy.user_has_permission(request.user, "change")
            and policy.user_has_permission(request.user, "delete")
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": Person._meta.verbose_name_plural},
            {"url": "", "label": self.page_title},
        ]

    def get_initial(self):
        return {
            "survivor": self.request.GET.get("survivor"),
            "duplicate": self.request.GET.get("duplicate"),
        }

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        survivor = form.cleaned_data["survivor"]
        duplicate = form.cleaned_data["duplicate"]
        if not self.request.POST.get("confirm"):
            context = self.get_context_data(
                form=form,
                survivor=survivor,
                duplicate=duplicate,
                summary=merge_summary(survivor, duplicate),
            )
            return self.response_class(
                request=self.request,
                template=[self.confirm_template_name],
                context=context,
                using=self.template_engine,
            )
        merge_people(survivor, duplicate, user=self.request.user)
        messages.success(
            self.request,
            _("“%(duplicate)s” was merged into “%(survivor)s”.")
            % {"duplicate": duplicate, "survivor": survivor},
        )
        return redirect(self.edit_url_name, survivor.pk)
