"""One module per source schema; each defines SOURCE, PERSON_TABLES and metadata()."""

NAMES = ("wordpress", "mastodon", "django_auth", "mediawiki", "openemr", "synthea",
         "adventureworks_lt", "oscommerce", "chatwoot", "matomo",
         # held out in the third pass, tuned on since the fourth
         "phpbb", "ghost",
         # held out in the fourth pass, tuned on since the fifth
         "discourse", "joomla",
         # held out in the fifth pass, tuned on since the sixth
         "magento2", "redmine", "moodle")
# Held out: labelled before any scan (labels in ``bench/corpus/heldout``), never tuned on;
# scored separately (``--only odoo,suitecrm,gitea,openmrs``) as a check that the rules
# generalise. Labelled in the sixth pass, before any scan, for the next honest measure.
# PrestaShop, Zulip, Saleor and Drupal: labelled by hand before any scan, by a helper that
# never read the scanner, for the measure after the next one.
HELDOUT: tuple[str, ...] = ("odoo", "suitecrm", "gitea", "openmrs",
                            "prestashop", "zulip", "saleor", "drupal")
