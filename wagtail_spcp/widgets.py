"""Form widget helpers shared by the staff admin and page forms."""


def limit_chooser_to_queryset(widget, queryset):
    """Make a chooser widget show nothing for an id outside ``queryset``.

    A chooser renders the title of whatever id it is given, so an id of another
    region posted back into an invalid form would otherwise be echoed by name.
    """
    find_instance = widget.get_instance

    def get_instance(value):
        instance = find_instance(value)
        if instance is not None and not queryset.filter(pk=instance.pk).exists():
            return None
        return instance

    widget.get_instance = get_instance
