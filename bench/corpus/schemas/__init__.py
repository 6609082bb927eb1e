"""One module per source schema; each defines SOURCE, PERSON_TABLES and metadata()."""

NAMES = ("wordpress", "mastodon", "django_auth", "mediawiki", "openemr", "synthea",
         "adventureworks_lt", "oscommerce", "chatwoot", "matomo",
         # held out in the third pass, tuned on since the fourth
         "phpbb", "ghost")
# Held out: labelled before any scan (labels in ``bench/corpus/heldout``), never tuned on;
# scored separately (``--only phpbb``) as a check that the rules generalise.
HELDOUT = ("discourse", "joomla",
           # labelled in the fifth pass, before any scan, for the next honest measure
           "magento2", "redmine", "moodle")
