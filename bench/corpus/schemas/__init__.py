"""One module per source schema; each defines SOURCE, PERSON_TABLES and metadata()."""

NAMES = ("wordpress", "mastodon", "django_auth", "mediawiki", "openemr", "synthea",
         "adventureworks_lt", "oscommerce", "chatwoot", "matomo",
         # held out in the third pass, tuned on since the fourth
         "phpbb", "ghost",
         # held out in the fourth pass, tuned on since the fifth
         "discourse", "joomla",
         # held out in the fifth pass, tuned on since the sixth
         "magento2", "redmine", "moodle",
         # held out in the sixth pass, tuned on since the seventh
         "odoo", "suitecrm", "gitea", "openmrs",
         # held out in the seventh pass, tuned on since the eighth
         "prestashop", "zulip", "saleor", "drupal",
         # held out in the eighth pass, tuned on since the ninth
         "keycloak", "nextcloud", "mattermost", "opencart",
         # held out in the ninth pass, tuned on since the tenth
         "osticket", "kanboard", "dolibarr", "spree",
         # held out in the tenth pass, tuned on since the eleventh
         "firefly", "lemmy", "invoiceninja", "bagisto",
         # held out in the eleventh pass, tuned on since the twelfth
         "miniflux", "akaunting", "monica", "mautic",
         # held out in the twelfth pass, tuned on since the thirteenth
         "freescout", "wallabag", "peertube", "sylius",
         # held out in the thirteenth pass, tuned on since the fourteenth
         "bookstack", "calcom", "paperless", "pixelfed",
         # held out in the fourteenth pass, tuned on since the fifteenth
         "jellyfin", "koha", "mealie", "zammad",
         # held out in the fifteenth pass, tuned on since the sixteenth
         "attendize", "gibbon", "librebooking", "traccar",
         # held out in the sixteenth pass (two sets), tuned on since the seventeenth
         "orangehrm", "kimai", "vikunja", "taiga",
         "churchcrm", "listmonk", "wger", "documenso",
         # held out in the seventeenth pass (two sets), tuned on since the eighteenth
         "umami", "answer", "hievents", "rallly",
         "opencats", "openproject", "limesurvey", "opendental",
         # held out in the eighteenth pass (three sets), tuned on since the nineteenth
         "indico", "espocrm", "flarum", "pleroma",
         "openvpms", "frappe_hrms", "chamilo", "plausible",
         "authentik", "invoiceplane", "formbricks", "huginn",
         # held out in the nineteenth pass (two sets), tuned on since the twentieth
         "rosariosis", "mantisbt", "glpi", "requesttracker",
         "grafana", "sentry", "bookwyrm", "outline")
# Held out: labelled before any scan (labels in ``bench/corpus/heldout``), never tuned on;
# scored separately as a check that the rules generalise. The held-out sets of the
# twentieth pass are added by their own commits, labelled before any scan.
HELDOUT: tuple[str, ...] = (
    # the first held-out set of the twentieth pass
    "redash", "wikijs", "cachet", "fider",
)
