"""Merge two records of the same person, field by field, and undo a merge.

The merging itself is ``wagtail_spcp.merging``; these views choose the two people (with
the person chooser), show them side by side with a choice per differing field, and
undo a merge from its audit entry.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from wagtail.admin import messages
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..merging import (
    KEEP_DUPLICATE,
    KEEP_SURVIVOR,
    MERGE_FIELDS,
    PERSON_MERGE,
    MergeRefused,
    default_choices,
    merge_people,
    merge_summary,
    merge_undo_refusal,
    undo_merge,
)
from ..models import Person, RegionScopedLogEntry
from ..normalise import readable_phone
from .forms import MergePeopleForm
from .permissions import permission_policy_for
from .views import RegionScopedHistoryView


def display_value(person, name) -> str:
    if name == "phone":
        return readable_phone(person.phone)
    display = getattr(person, f"get_{name}_display", None)
    return str(display() if display else getattr(person, name))


def review_rows(survivor, duplicate, keep) -> list:
    """One row per field: both values, whether they differ, and whose value is kept."""
    rows = []
    for name in MERGE_FIELDS:
        rows.append(
            {
                "name": name,
                "label": Person._meta.get_field(name).verbose_name,
                "survivor": display_value(survivor, name),
                "duplicate": display_value(duplicate, name),
                "differs": getattr(survivor, name) != getattr(duplicate, name)
                and bool(getattr(duplicate, name)),
                "keep": keep[name],
                "alternate": name in ("email", "phone"),
            }
        )
    return rows


def profile(person) -> dict:
    """What tells a person apart, beside the field values: region and links."""
    participations = person.participations.select_related("engagement")
    return {
        "person": person,
        "region": person.region or _("No region"),
        "engagements": [p.engagement.title for p in participations],
        "seats": person.council_memberships.count(),
        "alternate_emails": person.alternate_emails,
        "alternate_phones": [readable_phone(phone) for phone in person.alternate_phones],
    }


class MergePermissionMixin:
    """Merging (and undoing a merge) needs both "change" and "delete" on people."""

    def dispatch(self, request, *args, **kwargs):
        policy = permission_policy_for(Person)
        if not (
            policy.user_has_permission(request.user, "change")
            and policy.user_has_permission(request.user, "delete")
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class MergePeopleView(MergePermissionMixin, WagtailAdminTemplateMixin, FormView):
    """Choose a survivor and a duplicate, review them side by side, then merge."""

    form_class = MergePeopleForm
    template_name = "wagtail_spcp/admin/merge_people.html"
    confirm_template_name = "wagtail_spcp/admin/merge_people_confirm.html"
    page_title = _("Merge duplicate people")
    header_icon = "user"
    index_url_name = None
    edit_url_name = None
    undo_url_name = None

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

    def get(self, request, *args, **kwargs):
        """With both people given (from the duplicate scan), go straight to the review."""
        if request.GET.get("survivor") and request.GET.get("duplicate"):
            form = self.form_class(data=request.GET, user=request.user)
            if form.is_valid():
                return self.render_review(
                    form, form.cleaned_data["survivor"], form.cleaned_data["duplicate"]
                )
        return super().get(request, *args, **kwargs)

    def render_review(self, form, survivor, duplicate):
        keep = {**default_choices(survivor, duplicate), **form.keep_choices()}
        context = self.get_context_data(
            form=form,
            survivor=profile(survivor),
            duplicate=profile(duplicate),
            rows=review_rows(survivor, duplicate, keep),
            summary=merge_summary(survivor, duplicate, keep),
            keep_survivor=KEEP_SURVIVOR,
            keep_duplicate=KEEP_DUPLICATE,
        )
        return self.response_class(
            request=self.request,
            template=[self.confirm_template_name],
            context=context,
            using=self.template_engine,
        )

    def form_valid(self, form):
        survivor = form.cleaned_data["survivor"]
        duplicate = form.cleaned_data["duplicate"]
        if not self.request.POST.get("confirm"):
            return self.render_review(form, survivor, duplicate)
        try:
            merge_people(survivor, duplicate, user=self.request.user, keep=form.keep_choices())
        except MergeRefused as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("“%(duplicate)s” was merged into “%(survivor)s”.")
            % {"duplicate": duplicate, "survivor": survivor},
            buttons=[
                messages.button(
                    reverse(self.undo_url_name, args=[self.merge_entry_id(survivor)]),
                    _("Undo"),
                )
            ],
        )
        return redirect(self.edit_url_name, survivor.pk)

    def merge_entry_id(self, survivor):
        return (
            RegionScopedLogEntry.objects.for_instance(survivor)
            .filter(action=PERSON_MERGE)
            .values_list("pk", flat=True)
            .first()
        )


class UndoMergeView(MergePermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then undo a merge from its audit entry."""

    template_name = "wagtail_spcp/admin/merge_undo.html"
    page_title = _("Undo a merge")
    header_icon = "user"
    edit_url_name = None

    def get_entry(self):
        entry = RegionScopedLogEntry.objects.filter(
            pk=self.kwargs["entry_id"], action=PERSON_MERGE
        ).first()
        if entry is None:
            raise Http404
        survivor_id = (entry.data or {}).get("survivor_id")
        if not Person.objects.for_user(self.request.user).filter(pk=survivor_id).exists():
            raise Http404
        return entry

    def get_context_data(self, **kwargs):
        entry = self.get_entry()
        undo = (entry.data or {}).get("undo") or {}
        return super().get_context_data(
            entry=entry,
            duplicate=undo.get("duplicate", {}),
            survivor=Person.objects.get(pk=entry.data["survivor_id"]),
            refusal=merge_undo_refusal(entry),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        entry = self.get_entry()
        try:
            duplicate = undo_merge(entry, user=request.user)
        except MergeRefused as error:
            messages.error(request, str(error))
            return redirect(request.path)
        messages.success(
            request, _("The merge was undone: “%(person)s” is back.") % {"person": duplicate}
        )
        return redirect(self.edit_url_name, duplicate.pk)


class MergeUndoColumn(Column):
    """In a person's history, a link to undo each merge not undone yet."""

    cell_template_name = "wagtail_spcp/admin/merge_undo_cell.html"

    def __init__(self, name="undo", url_name=None, **kwargs):
        self.url_name = url_name
        kwargs.setdefault("label", _("Undo"))
        super().__init__(name, **kwargs)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        data = instance.data or {}
        if instance.action == PERSON_MERGE and data.get("undo") and not data.get("undone"):
            context["url"] = reverse(self.url_name, args=[instance.pk])
        return context


class PersonHistoryView(RegionScopedHistoryView):
    """A person's history, where each merge can be undone."""

    undo_url_name = None

    @property
    def columns(self):
        columns = super().columns
        if permission_policy_for(Person).user_has_permission(self.request.user, "delete"):
            columns.append(MergeUndoColumn(url_name=self.undo_url_name, width="10%"))
        return columns
