"""The duplicate scan: probable duplicate pairs of one region, to merge or set aside."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from ..access import regions_for_user
from ..duplicates import find_duplicates, load_pairs
from ..models import NotDuplicate, Person
from .audit import NOT_DUPLICATE
from .permissions import permission_policy_for

PAIRS_PER_PAGE = 50


class DuplicateScanView(WagtailAdminTemplateMixin, TemplateView):
    """Lists probable duplicates of one of the user's regions, each with its reasons."""

    template_name = "wagtail_spcp/admin/duplicates.html"
    page_title = _("Probable duplicates")
    header_icon = "user"
    index_url_name = None
    merge_url_name = None
    edit_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not permission_policy_for(Person).user_has_permission(request.user, "change"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": Person._meta.verbose_name_plural},
            {"url": "", "label": self.page_title},
        ]

    @cached_property
    def regions(self):
        return list(regions_for_user(self.request.user).order_by("sort_order", "name"))

    @cached_property
    def region(self):
        chosen = self.request.GET.get("region") or self.request.POST.get("region")
        for region in self.regions:
            if str(region.pk) == chosen:
                return region
        return self.regions[0] if self.regions else None

    def people(self):
        return Person.objects.for_user(self.request.user).in_region(self.region)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.region is None:
            return {**context, "regions": [], "page": None}
        people = self.people()
        pairs = find_duplicates(people)
        page = Paginator(pairs, PAIRS_PER_PAGE).get_page(self.request.GET.get("p"))
        page.object_list = load_pairs(page.object_list, people.select_related("region"))
        may_merge = permission_policy_for(Person).user_has_permission(self.request.user, "delete")
        for pair in page.object_list:
            query = urlencode({"survivor": pair.first_id, "duplicate": pair.second_id})
            pair.merge_url = f"{reverse(self.merge_url_name)}?{query}" if may_merge else ""
            pair.first_url = reverse(self.edit_url_name, args=[pair.first_id])
            pair.second_url = reverse(self.edit_url_name, args=[pair.second_id])
        return {
            **context,
            "regions": self.regions,
            "region": self.region,
            "page": page,
            "pair_count": len(pairs),
        }

    def post(self, request, *args, **kwargs):
        """Mark a pair "not a duplicate": the scan stops proposing it."""
        people = self.people()
        ids = [request.POST.get("first", ""), request.POST.get("second", "")]
        found = people.in_bulk([int(pk) for pk in ids if pk.isdigit()])
        if len(found) != 2:
            raise Http404
        person, other = found.values()
        NotDuplicate.mark(person, other, user=request.user)
        log(
            instance=person,
            action=NOT_DUPLICATE,
            user=request.user,
            data={"other_id": other.pk},
        )
        messages.success(
            request,
            _("Records #%(first)s and #%(second)s are marked as different people.")
            % {"first": person.pk, "second": other.pk},
        )
        return redirect(f"{request.path}?{urlencode({'region': self.region.pk})}")
