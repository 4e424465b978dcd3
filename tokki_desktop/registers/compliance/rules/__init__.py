"""The registers' compliance rules, one small function each, grouped by subject.

Importing this package registers them (see :mod:`..registry`).
"""

from tokki_desktop.registers.compliance.rules import (  # noqa: F401 - imported to register
    activities,
    assets,
    closing,
    media,
    places,
    profile,
    provision,
    reports,
    staff,
)
