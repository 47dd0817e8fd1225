"""Serve a URL below a page with one query for the whole path, not two per level.

Wagtail's ``Page.route`` fetches each path segment's child, then its specific page: two
queries a level. ``PathRoutingMixin.route`` fetches every page along the path at once by
``url_path``, walks down it as Wagtail would, and hands over to a page whose class routes
differently (a ``RoutablePageMixin`` page, say) with the rest of the path. Only the page
that answers is loaded as its specific class.
"""

from itertools import accumulate

from wagtail.models import AbstractPage


class PathRoutingMixin:
    """Routes requests below this page in two queries, whatever their depth."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        url_paths = list(
            accumulate(path_components, lambda path, slug: f"{path}{slug}/", initial=self.url_path)
        )[1:]
        found = {
            page.url_path: page
            for page in self.base_page_model.objects.descendant_of(self).filter(
                url_path__in=url_paths
            )
        }
        parent = self
        for index, url_path in enumerate(url_paths):
            page = found.get(url_path)
            if page is None or page.depth != parent.depth + 1:
                extra = route_below(parent, request, path_components[index:])
                if extra is not None:
                    return extra
                # Missing (a 404) or an inconsistent tree: Wagtail's own routing decides.
                return AbstractPage.route(parent, request, path_components[index:])
            page._cached_parent_obj = parent
            remaining = path_components[index + 1 :]
            if not remaining or not routes_by_children(page.specific_class):
                return page.specific.route(request, remaining)
            parent = page


def routes_by_children(model) -> bool:
    """Whether ``model`` routes a longer path by its child pages, as Wagtail's pages do."""
    return model is not None and model.route in (AbstractPage.route, PathRoutingMixin.route)


def route_below(page, request, path_components):
    """A route the page's class answers below itself without a child page, or None.

    A page class declares ``route_below(request, path_components)`` returning a
    ``RouteResult`` (the program page's ``request/`` form, say); a child page with the
    same slug wins.
    """
    model = page.specific_class
    if model is None or not hasattr(model, "route_below"):
        return None
    return page.specific.route_below(request, path_components)
