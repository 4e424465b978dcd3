"""One work site, many terminals: enrolment, the terminal agent, and the site's intake.

The site ledger enrols terminals (:mod:`.enrol`); a terminal agent (:mod:`.agent`) watches
like the monitor and delivers sealed, numbered, chained bundles (:mod:`.bundle`) into a
drop folder; the site takes them in (:mod:`.intake`). See docs/SITE.md.
"""
