"""StreamField blocks for program and case study content."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class CalloutBlock(blocks.StructBlock):
    """A highlighted summary box (USWDS summary box)."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "help"
        label = _("Call-out")
        template = "wagtail_spcp/blocks/callout.html"


class DocumentListBlock(blocks.StructBlock):
    """A titled list of downloadable documents."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    documents = blocks.ListBlock(DocumentChooserBlock(), label=_("Documents"))

    class Meta:
        icon = "doc-full"
        label = _("Document list")
        template = "wagtail_spcp/blocks/document_list.html"


class FigureBlock(blocks.StructBlock):
    """An image with required alternative text and an optional caption."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        max_length=250,
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "wagtail_spcp/blocks/figure.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=150)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "wagtail_spcp/blocks/quote.html"


class ContentStreamBlock(blocks.StreamBlock):
    """Body content of program and case study pages."""

    paragraph = blocks.RichTextBlock(
        label=_("Rich text"),
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"],
        template="wagtail_spcp/blocks/paragraph.html",
    )
    callout = CalloutBlock()
    documents = DocumentListBlock()
    image = FigureBlock()
    quote = QuoteBlock()


class BenefitBlock(blocks.StructBlock):
    """One benefit of a program, shown as a card."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        icon = "tick-inverse"
        label = _("Benefit")
        template = "wagtail_spcp/blocks/benefit.html"
