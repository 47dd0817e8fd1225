"""The app's models, split by domain and re-exported here."""

from .audit import RegionScopedLogEntry
from .councils import Council, CouncilMeeting, CouncilMembership
from .engagements import ActionItem, BreakoutGroup, Concern, Engagement, EngagementMilestone
from .finder_page import OfficeFinderPage, OfficeFinderPageMixin, RegionIntroduction
from .identity import AgencyIdentity
from .imports import ImportBatch, ImportFile, ImportMapping
from .offices import Office, Region, RegionState
from .people import NotDuplicate, Participation, Person
from .programs import (
    CaseStudyPage,
    CaseStudyPageMixin,
    ProgramIndexPage,
    ProgramIndexPageMixin,
    ProgramPage,
    ProgramPageMixin,
    ProgramResource,
    ProgramStep,
)
from .registrations import EventRegistration, Registration
from .requests import ProgramRequest, PublicFormSettings, RequestSource
from .routing import PathRoutingMixin
from .surveys import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse

__all__ = [
    "ActionItem",
    "AgencyIdentity",
    "BreakoutGroup",
    "CaseStudyPage",
    "CaseStudyPageMixin",
    "Concern",
    "Council",
    "CouncilMeeting",
    "CouncilMembership",
    "Engagement",
    "EngagementMilestone",
    "EventRegistration",
    "ImportBatch",
    "ImportFile",
    "ImportMapping",
    "Office",
    "OfficeFinderPage",
    "OfficeFinderPageMixin",
    "Participation",
    "NotDuplicate",
    "PathRoutingMixin",
    "Person",
    "ProgramIndexPage",
    "ProgramIndexPageMixin",
    "ProgramPage",
    "ProgramPageMixin",
    "ProgramRequest",
    "ProgramResource",
    "ProgramStep",
    "PublicFormSettings",
    "Region",
    "RegionIntroduction",
    "RegionScopedLogEntry",
    "RegionState",
    "Registration",
    "RequestSource",
    "Survey",
    "SurveyAnswer",
    "SurveyQuestion",
    "SurveyResponse",
]
