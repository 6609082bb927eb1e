"""osCommerce 2.3 (PHP e-commerce, MySQL): customers, address book, orders with the card
fields of the era, products, reviews, sessions, who's online. No declared foreign keys."""

from __future__ import annotations

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import REVIEW_TEXTS, col, table, tinytext

SOURCE = {"repo": "osCommerce/oscommerce2", "path": "catalog/install/oscommerce.sql",
          "commit": "015a96adcc3093297fe48e6e7d4de9c86f172c6b"}
PERSON_TABLES = ("customers", "administrators")

I = sa.Integer  # noqa: E741
V = sa.String(255)
DT = sa.DateTime
DEC = sa.Numeric(15, 4)
COUNTRIES = ["Germany", "United States", "United Kingdom", "France", "Spain", "Italy",
             "Netherlands", "Poland", "Japan", "Brazil", "Turkey", "Finland"]


def _addr(prefix: str):  # type: ignore[no-untyped-def]
    return [
        col(f"{prefix}_name", V, "full_name"),
        col(f"{prefix}_company", V, "company", null=0.6),
        col(f"{prefix}_street_address", V, "street"),
        col(f"{prefix}_suburb", V, "choice", null=0.7, values=["", "Mitte", "Brooklyn"]),
        col(f"{prefix}_city", V, "city"),
        col(f"{prefix}_postcode", V, "postcode"),
        col(f"{prefix}_state", V, "state", null=0.3),
        col(f"{prefix}_country", V, "choice", values=COUNTRIES),
    ]


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "address_format", 5,
          col("address_format_id", I, pk=True, auto=True),
          col("address_format", sa.String(128), lambda c: [
              "$firstname $lastname$cr$streets$cr$city, $postcode$cr$statecomma$country",
              "$firstname $lastname$cr$streets$cr$city, $state    $postcode$cr$country",
              "$firstname $lastname$cr$streets$cr$city$cr$postcode - $statecomma$country",
              "$firstname $lastname$cr$streets$cr$city ($postcode)$cr$country",
              "$firstname $lastname$cr$streets$cr$postcode $city$cr$country"][c.index]),
          col("address_summary", sa.String(48), lambda c: ["$city / $country",
                                                           "$city, $state / $country",
                                                           "$state / $country",
                                                           "$postcode / $country",
                                                           "$city / $country"][c.index]))
    table(md, "countries", len(COUNTRIES),
          col("countries_id", I, pk=True, auto=True),
          col("countries_name", V, lambda c: COUNTRIES[c.index]),
          col("countries_iso_code_2", sa.CHAR(2), lambda c: COUNTRIES[c.index][:2].upper()),
          col("countries_iso_code_3", sa.CHAR(3), lambda c: COUNTRIES[c.index][:3].upper()),
          col("address_format_id", I, ref="address_format.address_format_id"))
    table(md, "zones", 60,
          col("zone_id", I, pk=True, auto=True),
          col("zone_country_id", I, ref="countries.countries_id"),
          col("zone_code", sa.String(32), lambda c: G["state"](c)[:2].upper()),
          col("zone_name", V, "state"))
    table(md, "customers", 500,
          col("customers_id", I, pk=True, auto=True),
          col("customers_gender", sa.CHAR(1), lambda c: "m" if c.person["male"] else "f",
              null=0.1),
          col("customers_firstname", V, "first_name"),
          col("customers_lastname", V, "last_name"),
          col("customers_dob", DT, lambda c: __import__("datetime").datetime.combine(
              c.person["born"], __import__("datetime").time())),
          col("customers_email_address", V, "email"),
          col("customers_default_address_id", I, "int", null=0.05, lo=1, hi=700),
          col("customers_telephone", V, "phone"),
          col("customers_fax", V, "phone", null=0.85),
          col("customers_password", sa.String(60), "password_hash", style="oscommerce"),
          col("customers_newsletter", sa.CHAR(1), "choice", null=0.2, values=["0", "1"]))
    table(md, "customers_info", 500,
          col("customers_info_id", I, fk="customers.customers_id", pk=True),
          col("customers_info_date_of_last_logon", DT, null=0.2),
          col("customers_info_number_of_logons", I, "int", null=0.05, hi=300),
          col("customers_info_date_account_created", DT, null=0.01),
          col("customers_info_date_account_last_modified", DT, null=0.5),
          col("global_product_notifications", I, "int", hi=1),
          col("password_reset_key", sa.CHAR(40), "token", null=0.9, n=40, style="url"),
          col("password_reset_date", DT, null=0.9))
    table(md, "address_book", 700,
          col("address_book_id", I, pk=True, auto=True),
          col("customers_id", I, ref="customers.customers_id"),
          col("entry_gender", sa.CHAR(1), "choice", null=0.1, values=["m", "f"]),
          col("entry_company", V, "company", null=0.7),
          col("entry_firstname", V, "first_name"),
          col("entry_lastname", V, "last_name"),
          col("entry_street_address", V, "street"),
          col("entry_suburb", V, "choice", null=0.7, values=["", "Mitte", "Brooklyn", "Soho"]),
          col("entry_postcode", V, "postcode"),
          col("entry_city", V, "city"),
          col("entry_state", V, "state", null=0.3),
          col("entry_country_id", I, ref="countries.countries_id"),
          col("entry_zone_id", I, ref="zones.zone_id"))
    table(md, "administrators", 4,
          col("id", I, pk=True, auto=True),
          col("user_name", V, lambda c: ["admin", c.person["username"], c.person["email"],
                                         "shopowner"][c.index]),
          col("user_password", sa.String(60), "password_hash", style="phpass"))
    table(md, "categories", 24,
          col("categories_id", I, pk=True, auto=True),
          col("categories_image", sa.String(64), lambda c: f"category_{c.index}.gif", null=0.1),
          col("parent_id", I, "choice", values=[0, 0, 1, 2, 3]),
          col("sort_order", I, "int", null=0.2, hi=10),
          col("date_added", DT, null=0.1), col("last_modified", DT, null=0.8))
    table(md, "categories_description", 24,
          col("categories_id", I, lambda c: c.index + 1, pk=True,
              ref="categories.categories_id"),
          col("language_id", I, "const", pk=True, value=1),
          col("categories_name", sa.String(32), lambda c: __import__(
              "bench.corpus.gen", fromlist=["CATEGORIES"]).CATEGORIES[c.index]))
    table(md, "manufacturers", 12,
          col("manufacturers_id", I, pk=True, auto=True),
          col("manufacturers_name", sa.String(32), lambda c: ["Matrox", "Microsoft", "Warner",
                                                              "Fox", "Logitech", "Canon",
                                                              "Sierra", "GT Interactive",
                                                              "Hewlett Packard", "Samsung",
                                                              "Siemens", "Apple"][c.index]),
          col("manufacturers_image", sa.String(64), lambda c: f"manufacturer_{c.index}.gif",
              null=0.2),
          col("date_added", DT, null=0.1), col("last_modified", DT, null=0.8))
    table(md, "products", 200,
          col("products_id", I, pk=True, auto=True),
          col("products_quantity", I, "int", hi=500),
          col("products_model", sa.String(12), lambda c: c.rng.choice(["MG", "DVD", "PC", "HP"])
              + f"-{c.rng.randint(100, 9999)}", null=0.1),
          col("products_image", sa.String(64), lambda c: f"product_{c.index}.jpg", null=0.1),
          col("products_price", DEC, "money", hi=1500),
          col("products_date_added", DT),
          col("products_last_modified", DT, null=0.6),
          col("products_date_available", DT, null=0.8),
          col("products_weight", sa.Numeric(5, 2), "money", hi=50),
          col("products_status", sa.SmallInteger, "choice", values=[1, 1, 0]),
          col("products_tax_class_id", I, "int", lo=0, hi=1),
          col("manufacturers_id", I, ref="manufacturers.manufacturers_id", null=0.1),
          col("products_ordered", I, "int", hi=400))
    table(md, "products_description", 200,
          col("products_id", I, lambda c: c.index + 1, pk=True, ref="products.products_id"),
          col("language_id", I, "const", pk=True, value=1),
          col("products_name", sa.String(64), lambda c: G["film_title"](c)
              if c.rng.random() < 0.4 else G["product_name"](c)),
          col("products_description", sa.Text, "paragraphs", null=0.05),
          col("products_url", V, "url", null=0.7),
          col("products_viewed", I, "int", null=0.05, hi=5000))
    table(md, "products_to_categories", 220,
          col("products_id", I, ref="products.products_id", pk=True),
          col("categories_id", I, ref="categories.categories_id", pk=True))
    table(md, "orders_status", 4,
          col("orders_status_id", I, "seq", pk=True),
          col("language_id", I, "const", pk=True, value=1),
          col("orders_status_name", sa.String(32), lambda c: ["Pending", "Processing",
                                                              "Delivered", "Cancelled"][c.index]),
          col("public_flag", I, "const", value=1),
          col("downloads_flag", I, "const", value=0))
    table(md, "orders", 600,
          col("orders_id", I, pk=True, auto=True),
          col("customers_id", I, ref="customers.customers_id"),
          *_addr("customers")[:1],
          col("customers_company", V, "company", null=0.6),
          col("customers_street_address", V, "street"),
          col("customers_suburb", V, "choice", null=0.7, values=["", "Mitte"]),
          col("customers_city", V, "city"),
          col("customers_postcode", V, "postcode"),
          col("customers_state", V, "state", null=0.3),
          col("customers_country", V, "choice", values=COUNTRIES),
          col("customers_telephone", V, "phone"),
          col("customers_email_address", V, "email"),
          col("customers_address_format_id", I, "int", lo=1, hi=5),
          *_addr("delivery"),
          col("delivery_address_format_id", I, "int", lo=1, hi=5),
          *_addr("billing"),
          col("billing_address_format_id", I, "int", lo=1, hi=5),
          col("payment_method", V, "choice", values=["Cash on Delivery", "Credit Card",
                                                     "PayPal", "Bank Transfer"]),
          col("cc_type", sa.String(20), "choice", null=0.6, values=["Visa", "MasterCard",
                                                                    "Amex"]),
          col("cc_owner", V, "full_name", null=0.6),
          col("cc_number", sa.String(32), "card", null=0.6),
          col("cc_expires", sa.String(4), lambda c: f"{c.rng.randint(1, 12):02d}"
              f"{c.rng.randint(24, 30)}",
              null=0.6),
          col("last_modified", DT, null=0.3),
          col("date_purchased", DT, null=0.01),
          col("orders_status", I, ref="orders_status.orders_status_id"),
          col("orders_date_finished", DT, null=0.5),
          col("currency", sa.CHAR(3), "choice", null=0.01, values=["USD", "EUR", "GBP"]),
          col("currency_value", sa.Numeric(14, 6), "choice", null=0.01,
              values=[1.0, 0.92, 0.79]))
    table(md, "orders_products", 1200,
          col("orders_products_id", I, pk=True, auto=True),
          col("orders_id", I, ref="orders.orders_id"),
          col("products_id", I, ref="products.products_id"),
          col("products_model", sa.String(12), lambda c: f"MG-{c.rng.randint(100, 9999)}",
              null=0.1),
          col("products_name", sa.String(64), "product_name"),
          col("products_price", DEC, "money", hi=1500),
          col("final_price", DEC, "money", hi=1500),
          col("products_tax", sa.Numeric(7, 4), "choice", values=[0, 7, 19, 20]),
          col("products_quantity", I, "int", lo=1, hi=5))
    table(md, "orders_status_history", 900,
          col("orders_status_history_id", I, pk=True, auto=True),
          col("orders_id", I, ref="orders.orders_id"),
          col("orders_status_id", I, ref="orders_status.orders_status_id"),
          col("date_added", DT),
          col("customer_notified", I, "int", null=0.05, hi=1),
          col("comments", sa.Text, "template", null=0.5, texts=[
              "Please leave the parcel with my neighbour {first2} {last2}.", "",
              "Ring twice. Mobile {phone}", "Shipped via DHL, tracking 00340434161094015902",
              "Customer called, address changed to {street}, {city}", "Thanks!"]))
    table(md, "orders_total", 1500,
          col("orders_total_id", I, pk=True, auto=True),
          col("orders_id", I, ref="orders.orders_id"),
          col("title", V, "choice", values=["Sub-Total:", "Flat Rate (Best Way):", "Total:",
                                            "VAT 19%:"]),
          col("text", V, lambda c: f"${c.rng.uniform(1, 900):.2f}"),
          col("value", DEC, "money", hi=900),
          col("class", sa.String(32), "choice", values=["ot_subtotal", "ot_shipping", "ot_total",
                                                        "ot_tax"]),
          col("sort_order", I, "int", lo=1, hi=4))
    table(md, "reviews", 300,
          col("reviews_id", I, pk=True, auto=True),
          col("products_id", I, ref="products.products_id"),
          col("customers_id", I, ref="customers.customers_id", null=0.1),
          col("customers_name", V, "display_name"),
          col("reviews_rating", I, "int", null=0.05, lo=1, hi=5),
          col("date_added", DT, null=0.01), col("last_modified", DT, null=0.8),
          col("reviews_status", sa.SmallInteger, "int", hi=1),
          col("reviews_read", I, "int", hi=900))
    table(md, "reviews_description", 300,
          col("reviews_id", I, lambda c: c.index + 1, pk=True, ref="reviews.reviews_id"),
          col("languages_id", I, "const", pk=True, value=1),
          col("reviews_text", sa.Text, "template", texts=REVIEW_TEXTS))
    table(md, "customers_basket", 300,
          col("customers_basket_id", I, pk=True, auto=True),
          col("customers_id", I, ref="customers.customers_id"),
          col("products_id", tinytext(), lambda c: f"{c.rng.randint(1, 200)}"
              + ("" if c.rng.random() < 0.7 else f"{{4}}{c.rng.randint(1, 9)}")),
          col("customers_basket_quantity", I, "int", lo=1, hi=5),
          col("final_price", DEC, "money", null=0.1, hi=900),
          col("customers_basket_date_added", sa.CHAR(8), lambda c: G["date"](c).strftime("%Y%m%d"),
              null=0.05))
    table(md, "sessions", 300,
          col("sesskey", sa.String(32), "token", pk=True, n=32),
          col("expiry", sa.BigInteger, "int", lo=1_600_000_000, hi=1_800_000_000),
          col("value", sa.Text, lambda c: f'cart|O:12:"shoppingCart":1:{{s:8:"contents";a:0:{{}}}}'
              f'customer_id|i:{c.rng.randint(1, 500)};customer_first_name|s:'
              f'{len(c.person["first"])}:"{c.person["first"]}";' if c.rng.random() < 0.5 else
              'language|s:7:"english";languages_id|s:1:"1";currency|s:3:"USD";'))
    table(md, "whos_online", 80,
          col("customer_id", I, ref="customers.customers_id", null=0.5),
          col("full_name", V, lambda c: "Guest" if c.rng.random() < 0.5 else
              f"{c.person['first']} {c.person['last']}"),
          col("session_id", sa.String(128), "token", n=32),
          col("ip_address", sa.String(15), "ipv4"),
          col("time_entry", sa.String(14), lambda c: str(c.rng.randint(1_600_000_000,
                                                                          1_700_000_000))),
          col("time_last_click", sa.String(14), lambda c: str(c.rng.randint(1_600_000_000,
                                                                               1_700_000_000))),
          col("last_page_url", sa.Text, lambda c: c.rng.choice(
              ["/catalog/index.php", "/catalog/product_info.php?products_id=12",
               "/catalog/account.php", "/catalog/checkout_shipping.php"])))
    table(md, "action_recorder", 300,
          col("id", I, pk=True, auto=True),
          col("module", V, "choice", values=["ar_admin_login", "ar_contact_us",
                                             "ar_tell_a_friend", "ar_reset_password"]),
          col("user_id", I, ref="customers.customers_id", null=0.4),
          col("user_name", V, lambda c: c.rng.choice([c.person["email"], c.person["username"],
                                                      f"{c.person['first']} {c.person['last']}"]),
              null=0.1),
          col("identifier", V, "ipv4"),
          col("success", sa.CHAR(1), "choice", null=0.1, values=["0", "1"]),
          col("date_added", DT))
    return md
