"""Saleor (headless e-commerce, Django/PostgreSQL): a held-out schema (issue #10), labelled
before any scan and never tuned on. Saleor has no schema file: Django creates the tables
from the models (``saleor/*/models.py``): ``CharField(max_length=n)`` -> ``VARCHAR(n)``,
``EmailField`` -> ``VARCHAR(254)``, ``PossiblePhoneNumberField`` -> ``VARCHAR(128)``,
``CountryField`` -> ``VARCHAR(2)``, ``UUIDField`` -> ``uuid`` (``CHAR(32)`` on MariaDB),
``JSONField`` -> ``jsonb``, ``GenericIPAddressField`` -> ``inet``, ``ImageField`` ->
``VARCHAR(100)``, ``MeasurementField`` -> ``double precision``, a ``ForeignKey`` ->
``<name>_id`` with a declared constraint. ``ModelWithMetadata`` adds ``metadata`` and
``private_metadata``; ``AbstractBaseUser`` adds ``password`` and ``last_login``;
``PermissionsMixin`` ``is_superuser``; ``ModelWithExternalReference``
``external_reference``; ``SeoModel`` ``seo_title`` and ``seo_description``; MPTT ``lft``,
``rght``, ``tree_id``, ``level``.

Tables: customers and staff (one ``account_user`` table), addresses and the user-address
link, customer notes and events, orders and order lines, checkouts, payments, gift cards,
products and categories. Column subsets: ``search_vector`` (a PostgreSQL ``tsvector``)
left out everywhere; references to tables not included (channel, app, product type,
variant, shipping method, voucher, customer type, warehouse) left out; of
``order_order``, ``checkout_checkout`` and ``payment_payment`` the money columns beyond the
net/gross totals are left out.
"""

from __future__ import annotations

import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, inet, jsonb, table

SOURCE = {"repo": "saleor/saleor",
          "path": "saleor/{account,order,checkout,payment,giftcard,product,core}/models.py",
          "commit": "723cd4eba87dfc72822ade45dc08a3caa548428d"}
PERSON_TABLES = ("account_user",)

V = sa.String
T = sa.Text
DT = sa.DateTime(timezone=True)
I = sa.Integer  # noqa: E741
B = sa.Boolean
U = sa.Uuid
M = sa.Numeric(12, 3)
N_USERS = 220
N_STAFF = 12  # the first rows


def _staff(c):  # type: ignore[no-untyped-def]
    return c.index < N_STAFF


def _name_part(key):  # type: ignore[no-untyped-def]
    return lambda c: "" if c.rng.random() < 0.12 else c.person[key]


def _phone(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.25:
        return ""
    p = G["phone"](c)
    digits = "".join(ch for ch in p if ch.isdigit())
    return "+" + digits[:14] if c.rng.random() < 0.7 else p  # E.164 as Saleor stores it


def _avatar(c):  # type: ignore[no-untyped-def]
    return None if c.rng.random() < 0.8 else f"user-avatars/{G['token'](c)[:12]}.jpg"


NOTES = ["VIP customer, prefers DHL.", "", "Called {first} {last} on {phone} about a refund.",
         "Wholesale account - invoice monthly.", "Asked to be contacted at {email} only.",
         "Fraud check passed.", "Returned two items in 2023.",
         "Birthday gift for {first2} {last2}, delivery to {street}, {city}."]
CUSTOMER_NOTES = ["Customer called about order #{n}.", "Sent replacement.",
                  "Spoke with {first} {last}, new phone {phone}.",
                  "Address corrected: {street}, {city}.", "Refund approved.",
                  "Asked for invoice copy to {email}.", "No answer.", "Duplicate account merged."]
ORDER_NOTES = ["", "", "", "Please leave at the door.", "Call {first} on {phone} before delivery.",
               "Gift wrap please", "Deliver to neighbour {first2} {last2} if absent.",
               "Ring twice", "Invoice to company please"]
EVENT_TYPES = ["account_created", "password_reset_link_sent", "placed_order", "note_added",
               "email_assigned", "name_assigned", "customer_deleted", "note_added_to_order",
               "password_changed", "account_activated"]


def _event_params(c):  # type: ignore[no-untyped-def]
    t = c.row["type"]
    p = c.person
    if t == "email_assigned":
        return {"message": p["email"]}
    if t == "name_assigned":
        return {"message": f"{p['first']} {p['last']}"}
    if t in ("note_added", "note_added_to_order"):
        return {"message": G["template"](_with(c, texts=CUSTOMER_NOTES))}
    if t == "customer_deleted":
        return {"count": c.rng.randint(1, 3)}
    return {}


def _with(c, **params):  # type: ignore[no-untyped-def]
    c.params = params
    return c


def _search_doc(c):  # type: ignore[no-untyped-def]
    p = c.person
    parts = [p["email"].lower(), p["first"].lower(), p["last"].lower()]
    if c.rng.random() < 0.6:
        parts += [c.fake().street_address().lower(), c.fake().postcode().lower(),
                  c.fake().city().lower()]
    if c.rng.random() < 0.5:
        parts.append("+" + str(c.rng.randint(10**10, 10**12)))
    return "\n".join(parts) + "\n"


def _private_meta(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.4:
        return {"stripe.customer_id": "cus_" + G["token"](_with(c, n=14, style="url"))}
    return {}


def _meta(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.6:
        return {}
    return {"source": c.rng.choice(["instagram", "newsletter", "pos", "import"]),
            "loyalty_tier": c.rng.choice(["bronze", "silver", "gold"])}


def _product_desc(c):  # type: ignore[no-untyped-def]
    return {"time": 1700000000000 + c.rng.randint(0, 10**9), "version": "2.24.3",
            "blocks": [{"id": G["token"](_with(c, n=10, style="url")), "type": "paragraph",
                        "data": {"text": G["lorem"](_with(c, words=14))}}]}


def _gc_code(c):  # type: ignore[no-untyped-def]
    return "".join(c.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(12))


def _extra_data(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.5:
        return ""
    if r < 0.8:
        return json.dumps({"client_secret": f"pi_{G['token'](_with(c, n=24, style='url'))}"
                                            f"_secret_{G['token'](_with(c, n=24, style='url'))}"})
    return json.dumps({"payer": {"email_address": c.person["email"],
                                 "name": {"given_name": c.person["first"],
                                          "surname": c.person["last"]}}}, ensure_ascii=False)


def _card_bin(c):  # type: ignore[no-untyped-def]
    return "" if c.row.get("_nocard") else c.rng.choice(["411111", "424242", "510510", "555555",
                                                         "378282", "601111"])


def _nocard(c):  # type: ignore[no-untyped-def]
    g = c.rng.choice(["saleor.payments.stripe", "saleor.payments.stripe", "mirumee.payments.dummy",
                      "saleor.payments.adyen", "saleor.payments.np-atobarai"])
    c.row["_nocard"] = g != "saleor.payments.stripe"
    return g


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "account_address", 380,
          col("id", I, pk=True, auto=True),
          col("private_metadata", jsonb(), lambda c: {}, nullable=True),
          col("metadata", jsonb(), lambda c: {} if c.rng.random() < 0.9 else
              {"door_code": str(c.rng.randint(1000, 9999))}, nullable=True),
          col("first_name", V(256), _name_part("first")),
          col("last_name", V(256), _name_part("last")),
          col("company_name", V(256), lambda c: G["company"](c) if c.rng.random() < 0.2
              else ""),
          col("street_address_1", V(256), "street"),
          col("street_address_2", V(256), lambda c: c.rng.choice(
              ["", "", "", "Apt. 4", f"Flat {c.rng.randint(1, 40)}", "c/o reception",
               f"{c.rng.randint(1, 9)}. OG"])),
          col("city", V(256), lambda c: c.fake().city().upper()),
          col("city_area", V(128), lambda c: "" if c.rng.random() < 0.85 else
              c.rng.choice(["Mitte", "Shibuya-ku", "Brooklyn", "Centro", "Haidian"])),
          col("postal_code", V(20), "postcode"),
          col("country", V(2), "choice", values=["US", "DE", "FR", "GB", "PL", "JP", "IT", "ES",
                                                 "BR", "CN"]),
          col("country_area", V(128), lambda c: c.rng.choice(["", "", "CA", "NY", "Bayern",
                                                              "Île-de-France", "東京都"])),
          col("phone", V(128), _phone),
          col("validation_skipped", B, lambda c: c.rng.random() < 0.05))
    table(md, "account_user", N_USERS,
          col("id", I, pk=True, auto=True),
          col("password", V(128), lambda c: G["password_hash"](_with(c, style="argon2"))
              if c.rng.random() < 0.85 else "!" + G["token"](_with(c, n=40, style="url"))),
          col("last_login", DT, "datetime", null=0.3),
          col("is_superuser", B, lambda c: c.index == 0),
          col("private_metadata", jsonb(), _private_meta, nullable=True),
          col("metadata", jsonb(), _meta, nullable=True),
          col("external_reference", V(250), lambda c: None if c.rng.random() < 0.7 else
              f"ERP-C{c.rng.randint(100000, 999999)}", unique=True, nullable=True),
          col("email", V(254), lambda c: c.person["email"].lower(), unique=True),
          col("first_name", V(256), _name_part("first")),
          col("last_name", V(256), _name_part("last")),
          col("is_staff", B, _staff),
          col("is_active", B, lambda c: c.rng.random() < 0.95),
          col("is_confirmed", B, lambda c: c.rng.random() < 0.9),
          col("last_confirm_email_request", DT, "datetime", null=0.8),
          col("note", T, lambda c: None if c.rng.random() < 0.6 else
              G["template"](_with(c, texts=NOTES)), nullable=True),
          col("date_joined", DT, "datetime"),
          col("updated_at", DT, "datetime"),
          col("last_password_reset_request", DT, "datetime", null=0.85),
          col("default_shipping_address_id", I, fk="account_address.id", null=0.3),
          col("default_billing_address_id", I, fk="account_address.id", null=0.3),
          col("avatar", V(100), _avatar, nullable=True),
          col("jwt_token_key", V(12), "token", n=12, style="url"),
          col("language_code", V(35), "choice", values=["en", "en", "de", "fr", "pl", "ja",
                                                        "pt-br", "zh-hans"]),
          col("search_document", T, _search_doc),
          col("uuid", U, "uuid", unique=True),
          col("number_of_orders", I, "int", lo=0, hi=40))
    table(md, "account_user_addresses", 320,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="account_user.id"),
          col("address_id", I, fk="account_address.id"),
          sa.UniqueConstraint("user_id", "address_id"))
    table(md, "account_customernote", 150,
          col("id", I, pk=True, auto=True),
          col("date", DT, "datetime"),
          col("content", T, "template", texts=CUSTOMER_NOTES),
          col("is_public", B, "bool"),
          col("customer_id", I, fk="account_user.id", null=0.05),
          col("user_id", I, lambda c: c.rng.randint(1, N_STAFF) if c.rng.random() < 0.9
              else None, fk="account_user.id", nullable=True))
    table(md, "product_category", 24,
          col("id", I, pk=True, auto=True),
          col("private_metadata", jsonb(), lambda c: {}, nullable=True),
          col("metadata", jsonb(), lambda c: {}, nullable=True),
          col("seo_description", V(300), lambda c: "" if c.rng.random() < 0.5 else
              G["lorem"](_with(c, words=10)), nullable=True),
          col("seo_title", V(70), lambda c: "", nullable=True),
          col("name", V(250), lambda c: G["category"](c) if c.index else "Default Category"),
          col("slug", V(255), lambda c: f"{G['category'](c).lower().replace(' ', '-')}-{c.index}",
              unique=True),
          col("description", jsonb(), _product_desc, nullable=True),
          col("description_plaintext", T, lambda c: G["lorem"](_with(c, words=10))),
          col("updated_at", DT, "datetime", nullable=True),
          col("background_image", V(100), lambda c: None if c.rng.random() < 0.5 else
              f"category-backgrounds/{G['category'](c).lower().replace(' ', '_')}.png",
              nullable=True),
          col("background_image_alt", V(128), lambda c: c.rng.choice(["", "banner"])),
          col("lft", I, "int", lo=1, hi=48),
          col("rght", I, "int", lo=2, hi=48),
          col("tree_id", I, "int", lo=1, hi=5),
          col("level", I, "int", lo=0, hi=2),
          col("parent_id", I, ref="product_category.id", nullable=True))
    table(md, "product_product", 150,
          col("id", I, pk=True, auto=True),
          col("private_metadata", jsonb(), lambda c: {}, nullable=True),
          col("metadata", jsonb(), lambda c: {} if c.rng.random() < 0.7 else
              {"brand": c.rng.choice(["Acme", "Nordwind", "Kaito"])}, nullable=True),
          col("seo_description", V(300), lambda c: None if c.rng.random() < 0.4 else
              G["lorem"](_with(c, words=12)), nullable=True),
          col("seo_title", V(70), lambda c: None if c.rng.random() < 0.4 else
              G["product_name"](c), nullable=True),
          col("external_reference", V(250), lambda c: None if c.rng.random() < 0.5 else
              f"SKU-{c.rng.randint(10000, 99999)}", unique=True, nullable=True),
          col("name", V(250), "product_name"),
          col("slug", V(255), lambda c: f"{G['product_name'](c).lower().replace(' ', '-')}-"
              f"{c.index}".replace(",", ""), unique=True),
          col("description", jsonb(), _product_desc, nullable=True),
          col("description_plaintext", T, lambda c: G["lorem"](_with(c, words=20))),
          col("search_document", T, lambda c: G["product_name"](c).lower()),
          col("search_index_dirty", B, "bool"),
          col("category_id", I, fk="product_category.id", null=0.05),
          col("created_at", DT, "datetime"),
          col("updated_at", DT, "datetime"),
          col("weight", sa.Float, lambda c: round(c.rng.uniform(0.05, 20), 3), null=0.3),
          col("rating", sa.Float, lambda c: round(c.rng.uniform(1, 5), 1), null=0.6))
    table(md, "giftcard_giftcard", 80,
          col("id", I, pk=True, auto=True),
          col("private_metadata", jsonb(), lambda c: {}, nullable=True),
          col("metadata", jsonb(), lambda c: {}, nullable=True),
          col("code", V(16), _gc_code, unique=True),
          col("is_active", B, lambda c: c.rng.random() < 0.8),
          col("created_by_id", I, fk="account_user.id", null=0.3),
          col("used_by_id", I, fk="account_user.id", null=0.6),
          col("created_by_email", V(254), lambda c: None if c.rng.random() < 0.3 else
              c.person["email"], nullable=True),
          col("used_by_email", V(254), lambda c: None if c.rng.random() < 0.6 else
              new_email(c), nullable=True),
          col("assigned_to_id", I, fk="account_user.id", null=0.7),
          col("assigned_to_email", V(254), lambda c: None if c.rng.random() < 0.7 else
              new_email(c), nullable=True),
          col("expiry_date", sa.Date, "date", start=2024, end=2027, null=0.4),
          col("created_at", DT, "datetime"),
          col("last_used_on", DT, "datetime", null=0.6),
          col("product_id", I, fk="product_product.id", null=0.5),
          col("currency", V(3), "choice", values=["USD", "EUR", "PLN"]),
          col("initial_balance_amount", M, "choice", values=[10, 25, 50, 100]),
          col("current_balance_amount", M, "money", lo=0, hi=50),
          col("search_index_dirty", B, "bool"))
    table(md, "order_order", 400,
          col("id", U, "uuid", pk=True),
          col("private_metadata", jsonb(), lambda c: {}, nullable=True),
          col("metadata", jsonb(), lambda c: {} if c.rng.random() < 0.8 else
              {"utm_source": c.rng.choice(["google", "newsletter", "facebook"])},
              nullable=True),
          col("number", I, lambda c: 1000 + c.index, unique=True),
          col("use_old_id", B, lambda c: False),
          col("created_at", DT, "datetime"),
          col("updated_at", DT, "datetime"),
          col("expired_at", DT, "datetime", null=0.95),
          col("status", V(32), "choice", values=["unfulfilled", "fulfilled", "canceled",
                                                 "draft", "unconfirmed", "partially_fulfilled"]),
          col("authorize_status", V(32), "choice", values=["none", "partial", "full"]),
          col("charge_status", V(32), "choice", values=["none", "partial", "full",
                                                        "overcharged"]),
          col("user_id", I, fk="account_user.id", null=0.25),
          col("language_code", V(35), "choice", values=["en", "de", "fr", "pl"]),
          col("tracking_client_id", V(36), lambda c: "" if c.rng.random() < 0.4 else
              f"{c.rng.randint(10**8, 10**9)}.{c.rng.randint(1_600_000_000, 1_760_000_000)}"),
          col("billing_address_id", I, fk="account_address.id", unique=True, null=0.05),
          col("shipping_address_id", I, fk="account_address.id", unique=True, null=0.15),
          col("user_email", V(254), lambda c: "" if c.rng.random() < 0.05 else
              c.person["email"]),
          col("origin", V(32), "choice", values=["checkout", "draft", "reissue"]),
          col("currency", V(3), "choice", values=["USD", "EUR", "PLN"]),
          col("shipping_method_name", V(255), "choice", values=[None, "DHL Express", "UPS",
                                                               "InPost Paczkomat", "Pickup"],
              nullable=True),
          col("checkout_token", V(36), lambda c: G["uuid_str"](c) if c.rng.random() < 0.8
              else ""),
          col("lines_count", I, "int", lo=1, hi=6),
          col("total_net_amount", M, "money"),
          col("total_gross_amount", M, "money"),
          col("voucher_code", V(255), lambda c: None if c.rng.random() < 0.8 else
              c.rng.choice(["SUMMER10", "WELCOME", "FREESHIP", "BF2024"]), nullable=True),
          col("display_gross_prices", B, lambda c: True),
          col("customer_note", T, "template", texts=ORDER_NOTES),
          col("redirect_url", V(200), lambda c: None if c.rng.random() < 0.5 else
              "https://shop.example.com/checkout/complete", nullable=True),
          col("search_document", T, _search_doc),
          col("should_refresh_prices", B, "bool"),
          col("tax_exemption", B, lambda c: c.rng.random() < 0.03))
    table(md, "order_orderline", 900,
          col("id", U, "uuid", pk=True),
          col("old_id", I, lambda c: None if c.rng.random() < 0.8 else c.index + 1,
              unique=True, nullable=True),
          col("created_at", DT, "datetime"),
          col("order_id", U, fk="order_order.id"),
          col("product_name", V(386), "product_name"),
          col("variant_name", V(255), lambda c: c.rng.choice(["", "S", "M", "L", "XL", "Black",
                                                              "500 g"])),
          col("translated_product_name", V(386), lambda c: ""),
          col("translated_variant_name", V(255), lambda c: ""),
          col("product_sku", V(255), lambda c: f"{c.rng.randint(10000, 99999)}-"
              f"{c.rng.randint(10, 99)}", nullable=True),
          col("product_variant_id", V(255), lambda c: G["token"](_with(c, n=20, style="b64")),
              nullable=True),
          col("is_shipping_required", B, "bool"),
          col("is_gift_card", B, lambda c: c.rng.random() < 0.05),
          col("quantity", I, "int", lo=1, hi=5),
          col("quantity_fulfilled", I, "int", lo=0, hi=5),
          col("currency", V(3), "choice", values=["USD", "EUR", "PLN"]),
          col("unit_price_net_amount", M, "money", hi=300),
          col("unit_price_gross_amount", M, "money", hi=300),
          col("total_price_net_amount", M, "money"),
          col("total_price_gross_amount", M, "money"))
    table(md, "checkout_checkout", 300,
          col("private_metadata", jsonb(), lambda c: {}, nullable=True),
          col("metadata", jsonb(), lambda c: {}, nullable=True),
          col("created_at", DT, "datetime"),
          col("last_change", DT, "datetime"),
          col("user_id", I, fk="account_user.id", null=0.5),
          col("email", V(254), lambda c: c.person["email"], null=0.3),
          col("token", U, "uuid", pk=True),
          col("save_billing_address", B, "bool"),
          col("billing_address_id", I, fk="account_address.id", unique=True, null=0.4),
          col("save_shipping_address", B, "bool"),
          col("shipping_address_id", I, fk="account_address.id", unique=True, null=0.4),
          col("shipping_method_name", V(255), "choice", values=[None, "DHL Express", "UPS"],
              nullable=True),
          col("note", T, "template", texts=ORDER_NOTES),
          col("currency", V(3), "choice", values=["USD", "EUR", "PLN"]),
          col("country", V(2), "choice", values=["US", "DE", "PL", "FR"]),
          col("total_net_amount", M, "money"),
          col("total_gross_amount", M, "money"),
          col("authorize_status", V(32), "choice", values=["none", "partial", "full"]),
          col("charge_status", V(32), "choice", values=["none", "partial", "full"]),
          col("price_expiration", DT, "datetime"),
          col("discount_amount", M, "money", lo=0, hi=20),
          col("discount_name", V(255), "choice", values=[None, "Summer sale", "Welcome 10%"],
              nullable=True),
          col("voucher_code", V(255), "choice", values=[None, None, "SUMMER10", "WELCOME"],
              nullable=True),
          col("redirect_url", V(200), lambda c: None, nullable=True),
          col("tracking_code", V(255), lambda c: None if c.rng.random() < 0.6 else
              f"GA1.2.{c.rng.randint(10**8, 10**9)}.{c.rng.randint(1_600_000_000, 1_760_000_000)}",
              nullable=True),
          col("language_code", V(35), "choice", values=["en", "de", "pl"]),
          col("tax_exemption", B, lambda c: False))
    table(md, "payment_payment", 380,
          col("id", I, pk=True, auto=True),
          col("private_metadata", jsonb(), lambda c: {}, nullable=True),
          col("metadata", jsonb(), lambda c: {} if c.rng.random() < 0.9 else
              {"pos_terminal": f"T{c.rng.randint(100, 999)}"}, nullable=True),
          col("gateway", V(255), _nocard),
          col("is_active", B, lambda c: c.rng.random() < 0.9),
          col("to_confirm", B, lambda c: c.rng.random() < 0.05),
          col("created_at", DT, "datetime"),
          col("modified_at", DT, "datetime"),
          col("charge_status", V(20), "choice", values=["not-charged", "fully-charged",
                                                        "fully-refunded", "pending"]),
          col("token", V(512), lambda c: "" if c.rng.random() < 0.1 else
              f"pi_{G['token'](_with(c, n=24, style='url'))}"),
          col("total", M, "money"),
          col("captured_amount", M, "money"),
          col("currency", V(3), "choice", values=["USD", "EUR", "PLN"]),
          col("checkout_id", U, fk="checkout_checkout.token", null=0.5),
          col("order_id", U, fk="order_order.id", null=0.1),
          col("store_payment_method", V(11), "choice", values=["none", "none", "on_session",
                                                               "off_session"]),
          col("billing_email", V(254), lambda c: c.person["email"]),
          col("billing_first_name", V(256), _name_part("first")),
          col("billing_last_name", V(256), _name_part("last")),
          col("billing_company_name", V(256), lambda c: G["company"](c) if c.rng.random() < 0.15
              else ""),
          col("billing_address_1", V(256), "street"),
          col("billing_address_2", V(256), lambda c: c.rng.choice(["", "", "Apt 2B"])),
          col("billing_city", V(256), "city"),
          col("billing_city_area", V(128), lambda c: ""),
          col("billing_postal_code", V(256), "postcode"),
          col("billing_country_code", V(2), "choice", values=["US", "DE", "PL", "FR"]),
          col("billing_country_area", V(256), lambda c: c.rng.choice(["", "CA", "NY",
                                                                      "Mazowieckie"])),
          col("cc_first_digits", V(6), _card_bin),
          col("cc_last_digits", V(4), lambda c: "" if c.row["_nocard"] else
              f"{c.rng.randint(0, 9999):04d}"),
          col("cc_brand", V(40), lambda c: "" if c.row["_nocard"] else
              c.rng.choice(["visa", "mastercard", "amex"])),
          col("cc_exp_month", I, lambda c: None if c.row["_nocard"] else c.rng.randint(1, 12),
              nullable=True),
          col("cc_exp_year", I, lambda c: None if c.row["_nocard"] else
              c.rng.randint(2025, 2031), nullable=True),
          col("payment_method_type", V(256), lambda c: "" if c.row["_nocard"] else "card"),
          col("customer_ip_address", inet(), "ip", null=0.2),
          col("extra_data", T, _extra_data),
          col("return_url", V(200), lambda c: None, nullable=True),
          col("psp_reference", V(512), lambda c: None if c.rng.random() < 0.3 else
              f"ch_{G['token'](_with(c, n=24, style='url'))}", nullable=True))
    table(md, "account_customerevent", 600,
          col("id", I, pk=True, auto=True),
          col("date", DT, "datetime"),
          col("type", V(255), "choice", values=EVENT_TYPES),
          col("parameters", jsonb(), _event_params),
          col("order_id", U, fk="order_order.id", null=0.7),
          col("user_id", I, fk="account_user.id", null=0.1))
    return md


def new_email(c):  # type: ignore[no-untyped-def]
    from ..gen import new_person
    return new_person(c)["email"]
