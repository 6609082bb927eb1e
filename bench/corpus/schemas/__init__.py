"""One module per source schema; each defines SOURCE, PERSON_TABLES and metadata()."""

NAMES = ("wordpress", "mastodon", "django_auth", "mediawiki", "openemr", "synthea",
         "adventureworks_lt", "oscommerce", "chatwoot", "matomo",
         # held out in the third pass, tuned on since the fourth
         "phpbb", "ghost",
         # held out in the fourth pass, tuned on since the fifth
         "discourse", "joomla")
# Held out: labelled before any scan (labels in ``bench/corpus/heldout``), never tuned on;
# scored separately (``--only magento2,redmine,moodle``) as a check that the rules generalise.
# labelled in the fifth pass, before any scan, for the next honest measure
# (odoo, suitecrm, gitea, openmrs: labelled in the sixth pass, before any scan)
HELDOUT = ("magento2", "redmine", "moodle", "odoo", "suitecrm", "gitea", "openmrs")
