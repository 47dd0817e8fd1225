"""Optional integrations, each an app of its own, enabled only when its package is installed."""
