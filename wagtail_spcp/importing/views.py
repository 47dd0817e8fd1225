"""Admin views: the import wizard, import batches (progress, summary, undo) and exports."""


def batch_index(request):
    raise NotImplementedError
