"""A job offer, and the police certificates an application needs."""

from __future__ import annotations

import sys
from datetime import date
from typing import Any, ClassVar

from attrs import field, frozen

from expressentry._memo import Shared
from expressentry.enums import (
    JobOfferKind,
    Teer,
)
from expressentry.models._fields import (
    Checks,
    Specs,
    is_bool,
    is_country,
    is_date,
    is_noc,
    noc_teer,
    optional,
)
from expressentry.models._pickling import day, maker
from expressentry.plausibility import is_country_code


@frozen(kw_only=True)
class JobOffer:
    """A qualifying offer of arranged employment.

    Attributes:
        noc: NOC 2021 code of the offered job.
        canadian_armed_forces: The offer comes from the Canadian Armed Forces
            (Canadian Forces Recruiting Group), as the skilled military recruits
            category asks.
    """

    noc: str
    canadian_armed_forces: bool = False
    _teer: Teer = field(init=False, repr=False, eq=False)
    _kind: JobOfferKind = field(init=False, repr=False, eq=False)
    field_checks: ClassVar[Specs]
    """Each field's own check: its type, then the rules it obeys alone."""

    def __attrs_post_init__(self) -> None:
        c = Checks("JobOffer")
        c.types(self, _JOB_OFFER_CHECKS)
        c.done()
        object.__setattr__(self, "_teer", noc_teer(self.noc))
        object.__setattr__(self, "_kind", JobOfferKind.of(self.noc))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its fields; what it derives is read again (see ``_pickling``)."""
        return unpack_offer, (pack_offer(self),)

    @property
    def teer(self) -> Teer:
        """TEER of the offered job."""
        return self._teer

    @property
    def kind(self) -> JobOfferKind:
        """Senior manager (major group 00) or any other skilled occupation."""
        return self._kind


_JOB_OFFER_CHECKS: Specs = (("noc", is_noc), ("canadian_armed_forces", is_bool))
JobOffer.field_checks = _JOB_OFFER_CHECKS
_MAKE_OFFER = maker(JobOffer, ("noc", "canadian_armed_forces", "_teer", "_kind"))
_OFFERS: Shared[str, JobOffer] = Shared(size=1 << 12)
"""Each job offer unpickled once per process: offers share a few hundred NOC codes."""


def pack_offer(o: JobOffer) -> tuple[Any, ...]:
    """The fields of ``o`` (see ``_pickling``)."""
    return o.noc, o.canadian_armed_forces


def unpack_offer(state: tuple[Any, ...]) -> JobOffer:
    """The offer :func:`pack_offer` packed (one object per offer in a process)."""
    return offer(*state)


def offer(noc: str, armed_forces: bool) -> JobOffer:
    """The job offer of ``noc`` (from the Canadian Armed Forces or not), unchecked.

    One object per offer in a process (see ``_pickling``).
    """
    key = noc if not armed_forces else noc + "+"
    found = _OFFERS.entries.get(key)
    if found is not None:
        return found
    noc = sys.intern(noc)
    made = _MAKE_OFFER(noc, armed_forces, noc_teer(noc), JobOfferKind.of(noc))
    return _OFFERS.keep(key, made)


@frozen(kw_only=True)
class PoliceCertificate:
    """A police certificate from one country, for the permanent residence application.

    Which countries need one (6 months or more in a row there since age 18) is
    not checked: the profile holds no residence history. What the dates mean for
    the application is in :mod:`expressentry.timelines`.

    Attributes:
        country: The country that issued it, as its ISO 3166-1 alpha-2 code
            (``"IN"``, ``"FR"``), in capitals. Canada (``"CA"``) is refused: no
            certificate is asked for Canada.
        issued: The issue date printed on the certificate.
        left: The day the person left that country after their last stay there,
            or ``None`` while they still live there (then the certificate must be
            recent; for a former country it must be issued after they left).
    """

    country: str
    issued: date
    left: date | None = None
    field_checks: ClassVar[Specs]
    """Each field's own check: its type, then the rules it obeys alone."""

    def __attrs_post_init__(self) -> None:
        f: Any = self  # the fields as given, of any type until checked
        country, issued, left = f.country, f.issued, f.left
        if (
            is_country_code(country)
            and country != "CA"
            and type(issued) is date
            and (left is None or type(left) is date)
        ):
            return
        c = Checks("PoliceCertificate")
        c.types(self, _POLICE_CERTIFICATE_CHECKS)
        c.done()

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its fields (see ``_pickling``)."""
        return unpack_certificate, (pack_certificate(self),)


_POLICE_CERTIFICATE_CHECKS: Specs = (
    ("country", is_country),
    ("issued", is_date),
    ("left", optional(is_date)),
)
PoliceCertificate.field_checks = _POLICE_CERTIFICATE_CHECKS
make_certificate = maker(PoliceCertificate, ("country", "issued", "left"))


def pack_certificate(p: PoliceCertificate) -> tuple[Any, ...]:
    """The fields of ``p``, its dates as day numbers (see ``_pickling``)."""
    left = p.left
    return p.country, p.issued.toordinal(), None if left is None else left.toordinal()


def unpack_certificate(state: tuple[Any, ...]) -> PoliceCertificate:
    """The certificate :func:`pack_certificate` packed."""
    country, issued, left = state
    return make_certificate(sys.intern(country), day(issued), None if left is None else day(left))


def certificates_tuple(
    value: tuple[PoliceCertificate, ...] | list[PoliceCertificate],
) -> tuple[PoliceCertificate, ...]:
    """A list of certificates becomes a tuple (anything else is checked, never converted)."""
    return tuple(value) if isinstance(value, list) else value


def documents_ok(medical: object, passport: object, certificates: object) -> bool:
    """The fast type test of the document fields every person has."""
    return (
        (medical is None or type(medical) is date)
        and (passport is None or type(passport) is date)
        and type(certificates) is tuple
        and all(isinstance(x, PoliceCertificate) for x in certificates)
    )
