"""The public site search: live, public pages of the current site and editors' promoted results.

Only pages are searched. Snippets and the models holding engagement and participant data are
never queried here, whatever the query.
"""
