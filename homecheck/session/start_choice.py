"""How a check can begin on the start page, without Qt: continue the unfinished check
("resume"), check the home again and compare ("followup"), open the last finished check to tick
off what was done ("review"), or start an empty check ("new"); which of these are possible, and
which one is chosen when the page opens."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from homecheck.session.history import followup_base, goes_on_first, last_header
from homecheck.store.db import CheckInfo

if TYPE_CHECKING:
    from homecheck.session.session import Session

# What leaving the page does: continue the unfinished check, check the home again and compare,
# open the last check to tick off what was done, or start an empty check.
MODES = ("resume", "followup", "review", "new")


@dataclass
class StartChoice:
    """What the start page knows of the own checks, and the rules of its choice."""

    offer: CheckInfo | None  # the unfinished check offered to continue
    base: CheckInfo | None = None  # the own profile's last finished check
    defaults: tuple[str, str] = ("self", "")  # (role, assessor) of the last check on this computer
    decided: bool = False  # the mode is chosen once, when leaving the page
    deleted: str = ""  # the date of the check deleted on the page, to say so

    @property
    def resume_page(self) -> str:
        """The stored page key where the offered check stopped ("" when none is offered)."""
        return self.offer.current_page if self.offer else ""

    def read(self, session: Session) -> None:
        """The last finished check and the last who-fills-it-in, as stored now."""
        self.base = followup_base(session.store, None)
        self.defaults = last_header(session.store)

    def forget(self) -> None:
        """Everything was deleted: nothing to continue or compare with any more."""
        self.offer = None
        self.base = None
        self.decided = False
        self.deleted = ""
        self.defaults = ("self", "")

    def person_only(self, session: Session) -> bool:
        """The offered check has only questions about the person answered (About you)."""
        if self.offer is None or self.offer.answered:
            return False
        try:
            intake = session.store.load_check(self.offer.id).intake
        except KeyError:  # deleted in another window meanwhile
            return False
        return any(value not in (None, "", [], {}) for value in intake.values())

    def reviewing_own(self, session: Session, role: str) -> bool:
        """True while the person's own last check, finished already, is open to look at: the
        choice stays, so that the follow-up (or a new check) can start from the page."""
        return (self.decided and session.reviewing and not session.read_only
                and self.base is not None and self.base.id == session.check_id
                and role == "self")

    def possible(self, mode: str, session: Session, role: str) -> bool:
        """Whether ``mode`` can be chosen by someone filling in the check as ``role``."""
        if self.decided and (mode == "resume" or not self.reviewing_own(session, role)):
            return False
        if mode in ("new", "followup") and session.read_only:
            return False  # nothing can be stored: only looking at a stored check
        if mode == "resume":
            return self.offer is not None
        if mode in ("followup", "review"):
            # A therapist or caregiver picks the person, and so the earlier check, next.
            return self.base is not None and role == "self"
        return True

    def first_mode(self, session: Session, role: str) -> str:
        """The mode chosen when the page opens: continue when the unfinished check is newer
        than the last finished one, else check again (when nothing can be stored: look at the
        last check), else continue, else anew."""
        again = "review" if session.read_only else "followup"
        order = ("resume", again) if goes_on_first(self.offer, self.base) else (again, "resume")
        return next((mode for mode in order if self.possible(mode, session, role)), "new")
