"""One module per source schema; each defines SOURCE, PERSON_TABLES and metadata()."""

NAMES = ("wordpress", "mastodon", "django_auth", "mediawiki", "openemr", "synthea",
         "adventureworks_lt", "oscommerce", "chatwoot", "matomo")
