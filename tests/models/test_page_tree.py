"""Each page type can be created only under its allowed parents."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from spcp_demo.home.models import HomePage
from wagtail_spcp.models import CaseStudyPage, OfficeFinderPage, ProgramIndexPage, ProgramPage


class PageTreeRulesTest(WagtailPageTestCase):
    def test_program_index_lists_only_programs(self):
        self.assertAllowedSubpageTypes(ProgramIndexPage, {ProgramPage})
        self.assertCanCreateAt(HomePage, ProgramIndexPage)

    def test_programs_live_under_a_program_index(self):
        self.assertAllowedParentPageTypes(ProgramPage, {ProgramIndexPage})
        self.assertCanNotCreateAt(HomePage, ProgramPage)
        self.assertCanNotCreateAt(ProgramPage, ProgramPage)

    def test_case_studies_live_under_their_program(self):
        self.assertAllowedParentPageTypes(CaseStudyPage, {ProgramPage})
        self.assertAllowedSubpageTypes(CaseStudyPage, set())
        self.assertCanNotCreateAt(ProgramIndexPage, CaseStudyPage)
        self.assertCanNotCreateAt(HomePage, CaseStudyPage)

    def test_office_finder_is_a_leaf_page(self):
        self.assertCanCreateAt(HomePage, OfficeFinderPage)
        self.assertAllowedSubpageTypes(OfficeFinderPage, set())

    def test_case_studies_can_be_added_to_a_program(self):
        self.assertCanCreateAt(ProgramPage, CaseStudyPage)
        self.assertCanNotCreateAt(OfficeFinderPage, ProgramPage)

    def test_app_pages_descend_from_the_sites_base_page(self):
        for model in (ProgramIndexPage, ProgramPage, CaseStudyPage, OfficeFinderPage):
            assert issubclass(model, Page)
