"""An editor's image with its alternative text, shared by pages and regions (public).

Each use says what the image is for: its own alt text, else the image's description
(Wagtail's "default alt text"), or an empty alt when the editor marks it decorative.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model, get_image_model_string

# The renditions the templates ask for, so listings can prefetch exactly those.
CARD_RENDITIONS = ("fill-400x225", "fill-800x450")
PAGE_RENDITIONS = ("width-480", "width-800", "width-1200")
HERO_RENDITIONS = ("fill-640x360", "fill-1280x560", "fill-1920x840")


class ImageWithAltText(models.Model):
    """An optional image and its alt text, or the editor's choice that it is decorative."""

    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt_text = models.CharField(
        _("alt text"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the image shows, for people who cannot see it. "
            "Blank: the image’s own description."
        ),
    )
    image_is_decorative = models.BooleanField(
        _("decorative image"),
        default=False,
        help_text=_(
            "The image adds nothing the text does not already say: screen readers skip it."
        ),
    )

    image_panels = [
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt_text"), FieldPanel("image_is_decorative")],
            heading=_("Image"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def image_alt(self) -> str:
        """The alt attribute: empty for a decorative image, else the editor's words."""
        if self.image is None or self.image_is_decorative:
            return ""
        return self.image_alt_text or self.image.default_alt_text

    def clean(self):
        super().clean()
        if self.image_is_decorative and self.image_alt_text:
            raise ValidationError(
                {
                    "image_alt_text": _(
                        "A decorative image has no alt text: clear it, or untick “decorative”."
                    )
                }
            )


def with_image_renditions(queryset, *filters):
    """``queryset`` with each row's image and the renditions named by ``filters`` prefetched."""
    images = get_image_model().objects.prefetch_renditions(*filters)
    return queryset.prefetch_related(Prefetch("image", queryset=images))
