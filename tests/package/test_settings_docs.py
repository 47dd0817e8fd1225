"""docs/settings.md names every setting the app reads."""

import re

import pytest

from .utils import REPO_DIR

pytestmark = pytest.mark.package


def test_every_setting_read_in_conf_is_documented():
    conf = (REPO_DIR / "wagtail_spcp" / "conf.py").read_text(encoding="utf-8")
    docs = (REPO_DIR / "docs" / "settings.md").read_text(encoding="utf-8")
    read = set(re.findall(r'_setting\("([A-Z_]+)"', conf))
    read |= {f'STORAGES["{name}"]' for name in re.findall(r'storages\["(\w+)"\]', conf)}
    assert len(read) >= 11
    documented = set(re.findall(r"^\| `([^`]+)`", docs, flags=re.M))
    assert read <= documented, sorted(read - documented)
