"""Every list of choices the app uses, defined once.

Models, forms, the importer's synonym matching and the fixtures all read these
classes; nothing else spells out a stage, role, status, sector or office kind.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OfficeKind(models.TextChoices):
    HEADQUARTERS = "headquarters", _("Headquarters")
    REGIONAL = "regional", _("Regional office")
    FIELD = "field", _("Field office")


class DeliveryFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    VIRTUAL = "virtual", _("Virtual")
    HYBRID = "hybrid", _("In person or virtual")


class EngagementOrigin(models.TextChoices):
    PROACTIVE = "proactive", _("Proactive")
    CRITICAL_INCIDENT = "critical_incident", _("After a critical incident")


class EngagementStage(models.TextChoices):
    """The phases an engagement moves through, in order."""

    REQUESTED = "requested", _("Requested")
    PLANNING = "planning", _("Planning group")
    FACILITATOR_TRAINING = "facilitator_training", _("Facilitator training")
    PROGRAM_DAY = "program_day", _("Program day")
    ACTION_PLAN = "action_plan", _("Action plan")
    COUNCIL = "council", _("Council")
    CLOSED = "closed", _("Closed")


class Sector(models.TextChoices):
    """Community sectors, used for breakout groups and for people."""

    FAITH = "faith", _("Faith and clergy")
    YOUTH = "youth", _("Youth")
    NEW_AMERICANS = "new_americans", _("New Americans")
    LAW_ENFORCEMENT = "law_enforcement", _("Law enforcement")
    SOCIAL_SERVICES = "social_services", _("Social services")
    BUSINESS = "business", _("Business and community")
    CIVIL_RIGHTS = "civil_rights", _("Civil rights")
    EDUCATION = "education", _("Education")
    GOVERNMENT = "government", _("Local government")
    OTHER = "other", _("Other")


class BreakoutGroupKind(models.TextChoices):
    SECTOR = "sector", _("Sector group")
    MIXED = "mixed", _("Mixed solution group")


class ConcernKind(models.TextChoices):
    ISSUE = "issue", _("Issue")
    STRENGTH = "strength", _("Strength")


class ActionItemStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class CouncilStatus(models.TextChoices):
    FORMING = "forming", _("Forming")
    ACTIVE = "active", _("Active")
    INDEPENDENT = "independent", _("Independent")
    DISSOLVED = "dissolved", _("Dissolved")


class CouncilRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice chair")
    SECRETARY = "secretary", _("Secretary")
    MEMBER = "member", _("Member")
    LIAISON = "liaison", _("Law enforcement liaison")


class ParticipationRole(models.TextChoices):
    PLANNING_GROUP = "planning_group", _("Planning group")
    FACILITATOR = "facilitator", _("Facilitator")
    PARTICIPANT = "participant", _("Participant")
    COUNCIL_MEMBER = "council_member", _("Council member")
    OBSERVER = "observer", _("Observer")


class ParticipationStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    REGISTERED = "registered", _("Registered")
    WAITLISTED = "waitlisted", _("Waitlisted")
    ATTENDED = "attended", _("Attended")
    NO_SHOW = "no_show", _("No-show")
    CANCELLED = "cancelled", _("Canceled")


class DuplicatePolicy(models.TextChoices):
    """What an import does with a row that matches an existing person."""

    UPDATE = "update", _("Update existing")
    SKIP = "skip", _("Skip")
    FILL = "fill", _("Fill blanks only")
    ALLOW = "allow", _("Allow (create a new person)")


class MatchKey(models.TextChoices):
    """How an import finds the people a file's rows are about."""

    AUTO = "", _("Automatic: email, or name when the file has no email or phone")
    EMAIL = "email", _("Email, then name and phone")
    NAME_PHONE = "name_phone", _("Name and phone, then email")
    EXTERNAL_ID = "external_id", _("External ID (an order or attendee number), then email")
    NAME = "name", _("Name, among the people already in the engagement")


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")
    FAILED = "failed", _("Failed")
    UNDONE = "undone", _("Undone")


class SurveyWave(models.TextChoices):
    """The two rounds of a pulse survey: before the program and after it."""

    BEFORE = "before", _("Before")
    AFTER = "after", _("After")


class SurveyDimension(models.TextChoices):
    """What a survey question measures, after the procedural-justice materials."""

    TRUST = "trust", _("Trust")
    FAIRNESS = "fairness", _("Fairness")
    VOICE = "voice", _("Voice")
    RESPECT = "respect", _("Respect")


class AgreementScale(models.IntegerChoices):
    """The five points of a survey question, from 1 to 5."""

    STRONGLY_DISAGREE = 1, _("Strongly disagree")
    DISAGREE = 2, _("Disagree")
    NEUTRAL = 3, _("Neither agree nor disagree")
    AGREE = 4, _("Agree")
    STRONGLY_AGREE = 5, _("Strongly agree")
