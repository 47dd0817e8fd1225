"""Permission policies that add region scoping to Django's model permissions.

A user needs the model permission for an action (as everywhere in Wagtail) and,
for a confidential object, the object must belong to one of their regions.
Listings, choosers, object views and bulk actions all ask these policies.
"""

from django.apps import apps
from django.utils.functional import cached_property

from wagtail.admin.auth import PermissionPolicyChecker
from wagtail.permission_policies import BasePermissionPolicy, ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from ..access import user_can_see
from ..importing.mappings import changeable_mappings, mappings_for, may_change
from ..models import ImportMapping
from ..models.scoping import region_owned_models


class RegionScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to the objects of the user's regions."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and user_can_see(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and user_can_see(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.model._default_manager.for_user(user)


class ImportMappingPermissionPolicy(BasePermissionPolicy):
    """Saved mappings: for staff who may import participants, within their regions.

    They see their regions' mappings and the shared ones (``mappings_for``), and rename
    or delete those they ``may_change``. Mappings are added only by the import wizard,
    so nobody has "add" here; the model's own Django permissions are not used.
    """

    actions = ("view", "change", "delete")

    def user_has_permission(self, user, action):
        return action in self.actions and participants_permission_checker.user_may_import(user)

    def users_with_any_permission(self, actions):
        return participants_permission_checker.policy.users_with_permission("import")

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if action == "view":
            return mappings_for(user).filter(pk=instance.pk).exists()
        return may_change(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return ImportMapping.objects.none()
        if "view" in actions:
            return mappings_for(user)
        return changeable_mappings(user)


def register_permission_policies():
    """Register a region-scoped policy for every confidential model (called from ``ready()``)."""
    for model in region_owned_models():
        register_permission_policy(model, RegionScopedPermissionPolicy(model))
    register_permission_policy(ImportMapping, ImportMappingPermissionPolicy(ImportMapping))


def permission_policy_for(model):
    """The registered policy for ``model``."""
    return policy_registry.get_by_type(model)


class ParticipantsPermissionChecker(PermissionPolicyChecker):
    """View decorators for importing and exporting participants.

    "import" and "export" are Participation permissions of their own (``Meta.permissions``),
    checked through the model's registered policy, as Wagtail's redirects app checks "add".
    """

    def __init__(self):
        # The policy is registered in ``ready()``: look it up when a view first asks.
        pass

    @cached_property
    def policy(self):
        return policy_registry.get_by_type(apps.get_model("wagtail_spcp", "Participation"))

    def user_may_import(self, user) -> bool:
        return self.policy.user_has_permission(user, "import")

    def user_may_export(self, user) -> bool:
        return self.policy.user_has_permission(user, "export")


participants_permission_checker = ParticipantsPermissionChecker()
