"""Staff admin: viewsets, region-scoped permission policies, dashboard and person merge."""
