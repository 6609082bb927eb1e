"""PeerTube (federated video platform, Node.js with Sequelize, PostgreSQL only): a held-out
schema (issue #10), labelled before any scan and never tuned on. The tables as the
``sequelize-typescript`` models of ``server/core/models/**`` declare them (``@Table``,
``@Column``, ``@ForeignKey``): 13 of its tables, all their columns; ``video`` without the
columns later releases added. Sequelize on PostgreSQL: ``id`` ``SERIAL``, a bare
``@Column`` string ``VARCHAR(255)``, dates ``TIMESTAMP WITH TIME ZONE``, ``DataType.UUID``
``uuid``, ``DataType.ARRAY(STRING)`` ``VARCHAR(255)[]`` (JSON on the other engines),
``DataType.ENUM`` a PostgreSQL enum (``VARCHAR`` here, ``ENUM`` on MariaDB); lengths from
``CONSTRAINTS_FIELDS`` (URLs 2000, actor keys 5000, descriptions 1000 and 10000, abuse
texts 3000; the long ones ``TEXT`` on MariaDB, whose row size they would exceed).
Foreign keys as the models declare them; the unique indexes on URLs are not declared
(MariaDB cannot index a 2000-character column), those on user names, e-mails, hosts and
client ids are.

Tables: server (remote instances), actor (ActivityPub identities of accounts and
channels: user name, URLs, RSA key pair), user (local log-ins: user name, e-mail, pending
e-mail, bcrypt hash, feed token, encrypted OTP secret, block reason), account (display
name and bio, local and remote), video channels (name, description, support text),
videos (title, description, support text, counters), comments (HTML with mentions),
abuse reports and their messages, registration requests (reason, user name, e-mail,
hash, channel), OAuth client and tokens (with log-in and last-activity IPs and devices),
local viewers (watch statistics with country and region) and known log-in devices
(a keyed hash of IP and user agent).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import mysql, postgresql

from ..gen import GENERATORS as G
from ..gen import col, datetimes, enum, table
from ..gen import with_params as _p

SOURCE = {"repo": "Chocobozzz/PeerTube", "path": "server/core/models/user/user.ts",
          "commit": "0165786f65ad6bdc3a05e975b3948c28050508d0"}
PERSON_TABLES = ("actor", "user", "account", "userRegistration")

I = sa.Integer  # noqa: E741
BI = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
S = sa.String(255)
TS = sa.DateTime(timezone=True)
B = sa.Boolean
UU = sa.CHAR(36).with_variant(postgresql.UUID(as_uuid=False), "postgresql")
ARR = sa.JSON(none_as_null=True).with_variant(postgresql.ARRAY(sa.String(255)), "postgresql")
IARR = sa.JSON(none_as_null=True).with_variant(postgresql.ARRAY(sa.Integer()), "postgresql")


def LS(n: int) -> sa.types.TypeEngine:  # type: ignore[type-arg]  # noqa: N802
    """A long VARCHAR on PostgreSQL, TEXT on MariaDB."""
    return sa.String(n).with_variant(mysql.TEXT(), "mysql", "mariadb")


HOST = "videos.example.org"
REMOTES = ["tube.example.fr", "peertube.example.de", "video.example.jp", "framatube.example",
           "tilvids.example.com"]
N_SERVER = len(REMOTES)
N_USER = 40
N_ACCOUNT_ACTOR = 90   # local and remote people
N_CHANNEL = 40
N_VIDEO = 200


_ts = datetimes(2018, 2025)


def _ts_cols():  # type: ignore[no-untyped-def]
    return [col("createdAt", TS, _ts), col("updatedAt", TS, _ts)]


def _pem(kind):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        n = 1216 if kind == "PRIVATE" else 300
        body = G["token"](_p(c, n=n, style="b64"))
        lines = "\n".join(body[i:i + 64] for i in range(0, len(body), 64))
        return f"-----BEGIN {kind} KEY-----\n{lines}\n-----END {kind} KEY-----\n"
    return gen


# actor rows: 0 = the instance's application actor, 1..90 people, 91..130 channels
def _actor_kind(c):  # type: ignore[no-untyped-def]
    if c.index == 0:
        return "Application"
    return "Person" if c.index <= N_ACCOUNT_ACTOR else "Group"


def _actor_name(c):  # type: ignore[no-untyped-def]
    k = c.row["type"]
    if k == "Application":
        return "peertube"
    u = c.person["username"]
    if k == "Person":
        return u
    return c.rng.choice([f"{u}_channel", f"{u}_videos", G["slug"](c).replace("-", "_")[:40],
                         "linux_tutorials", "cuisine_maison"])


def _server_id(c):  # type: ignore[no-untyped-def]
    # local actors (serverId NULL) are the application, 40 people and all channels here
    if c.index == 0 or c.row["type"] == "Group" or c.index <= 40:
        return None
    return c.rng.randint(1, N_SERVER)


def _actor_base(c):  # type: ignore[no-untyped-def]
    sid = c.row.get("serverId")
    host = HOST if sid is None else REMOTES[sid - 1]
    kind = {"Person": "accounts", "Group": "video-channels", "Application": "accounts"}
    return f"https://{host}/{kind[c.row['type']]}/{c.row['preferredUsername']}"


def _actor_url(suffix):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        return _actor_base(c) + suffix
    return gen


def _shared_inbox(c):  # type: ignore[no-untyped-def]
    sid = c.row.get("serverId")
    return f"https://{HOST if sid is None else REMOTES[sid - 1]}/inbox"


def _private_key(c):  # type: ignore[no-untyped-def]
    return _pem("PRIVATE")(c) if c.row.get("serverId") is None else None


def _account_name(c):  # type: ignore[no-untyped-def]
    return G["display_name"](c)


BIOS = ["", "Video maker from {city}.", "Linux, FOSS and bikes.",
        "Contact: {email}", "I am {first} {last}, I teach physics.",
        "Mastodon: @{username}@mastodon.example", "Personal account, opinions my own.",
        "Filmmaker. Previously at {{company}}."]


def _bio(c):  # type: ignore[no-untyped-def]
    return G["template"](_p(c, texts=BIOS)).replace("{company}", G["company"](c))


def _channel_name(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice([f"Main {p['username']} channel", f"{p['first']}'s videos",
                         f"{p['first']} {p['last']}", "Linux tutorials", "Cuisine maison",
                         "Live coding", "Field recordings"])


def _support(c):  # type: ignore[no-untyped-def]
    u = c.person["username"]
    return c.rng.choice([f"https://liberapay.com/{u}", f"Support me: https://ko-fi.com/{u}",
                         f"Tips welcome: paypal.me/{u}", "Please share the videos!",
                         "https://www.patreon.com/" + u])


VIDEO_TITLES = ["How to install Debian 12", "Sourdough bread, step by step",
                "Walking in the Black Forest", "Conference talk: federated video",
                "Guitar lesson #4", "Unboxing the Framework laptop", "Soirée jeux",
                "コーヒーの淹れ方", "Timelapse: {city} at night", "Q&A session"]
VIDEO_DESCRIPTIONS = ["", "Recorded at home.", "Music: CC-BY, see the credits.",
                      "Filmed with {first2} {last2}. Thanks to everyone who came!",
                      "Slides: https://slides.example.org/talk.pdf",
                      "Questions? Write to {email}", "Part 2 of the series.",
                      "Licensed CC-BY-SA 4.0."]


def _comment(c):  # type: ignore[no-untyped-def]
    if c.row.get("deletedAt") is not None:
        return ""
    p = c.person
    host = c.rng.choice([HOST] + REMOTES)
    texts = [f'<p><span class="h-card"><a href="https://{host}/accounts/{p["username"]}" '
             f'class="u-url mention">@<span>{p["username"]}</span></a></span> thanks!</p>',
             "<p>Great video, thank you.</p>", "<p>First!</p>",
             f"<p>My name is {p['first']}, I tried this and it worked.</p>",
             "<p>Could you add subtitles?</p>", "<p>😂😂</p>",
             f"<p>Write me at {p['email']} for the source files</p>"]
    return c.rng.choice(texts)


ABUSE_REASONS = ["Spam", "This account impersonates {first2} {last2}.",
                 "Violent content at 02:13", "Copyright: this is my video, I am {first} {last}.",
                 "Hate speech in the comments", "Doxxing: the video shows my address, {street}"]


def _viewer_client(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(["Firefox", "Chrome", "Safari", "Edge", "VLC", None])


def _registration_reason(c):  # type: ignore[no-untyped-def]
    return G["template"](_p(c, texts=[
        "I want to publish my music.", "I'm {first}, a teacher, for my class videos.",
        "Friend of {first2} {last2}, they told me about this instance.",
        "Please", "Journalist at {city} local news, contact {email}",
        "I make woodworking videos."]))


def _moderation_response(c):  # type: ignore[no-untyped-def]
    if c.row.get("state") == 1:
        return None
    return c.rng.choice([f"Welcome {c.person['username']}!", "Sorry, instance is full.",
                         "Please give more details.", "Accepted."])


def _otp(c):  # type: ignore[no-untyped-def]
    return f"{G['token'](_p(c, n=32))}:{G['token'](_p(c, n=96))}"


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "server", N_SERVER,
          col("id", I, pk=True, auto=True),
          col("host", S, lambda c: REMOTES[c.index], unique=True),
          col("redundancyAllowed", B, "bool"),
          *_ts_cols())
    table(md, "actor", 1 + N_ACCOUNT_ACTOR + N_CHANNEL,
          col("id", I, pk=True, auto=True),
          col("type", enum("Group", "Person", "Application", "Organization", "Service"),
              _actor_kind),
          col("serverId", I, _server_id, fk="server.id", nullable=True),
          col("preferredUsername", S, _actor_name),
          col("url", LS(2000), _actor_url("")),
          col("publicKey", LS(5000), _pem("PUBLIC"), null=0.02),
          col("privateKey", LS(5000), _private_key, nullable=True),
          col("followersCount", I, "int", lo=0, hi=3000),
          col("followingCount", I, "int", lo=0, hi=500),
          col("inboxUrl", LS(2000), _actor_url("/inbox")),
          col("outboxUrl", LS(2000), _actor_url("/outbox"), null=0.05),
          col("sharedInboxUrl", LS(2000), _shared_inbox, null=0.05),
          col("followersUrl", LS(2000), _actor_url("/followers"), null=0.05),
          col("followingUrl", LS(2000), _actor_url("/following"), null=0.05),
          col("remoteCreatedAt", TS, lambda c: None if c.row.get("serverId") is None
              else _ts(c), nullable=True),
          *_ts_cols())
    table(md, "user", N_USER,
          col("id", I, pk=True, auto=True),
          col("password", S, "password_hash", style="bcrypt", null=0.05),
          col("username", S, "username", unique=True),
          col("email", sa.String(400), "email", unique=True),
          col("pendingEmail", sa.String(400), lambda c: c.fakers["en_US"].free_email(),
              null=0.9),
          col("emailVerified", B, "bool", null=0.2),
          col("nsfwPolicy", enum("do_not_list", "blur", "display", "warn"), "choice",
              values=["do_not_list", "blur", "display", "warn"]),
          col("p2pEnabled", B, "bool"),
          col("videosHistoryEnabled", B, "bool"),
          col("autoPlayVideo", B, "bool"),
          col("autoPlayNextVideo", B, "bool"),
          col("autoPlayNextVideoPlaylist", B, "bool"),
          col("videoLanguages", ARR, lambda c: c.rng.choice([None, ["en"], ["fr", "en"],
                                                             ["ja"], ["de", "en", "es"]]),
              nullable=True),
          col("adminFlags", I, "choice", values=[0, 0, 1]),
          col("blocked", B, lambda c: c.rng.random() < 0.05),
          col("blockedReason", S, lambda c: c.rng.choice(["Spam", "Abuse", "Inactive account"])
              if c.row.get("blocked") else None, nullable=True),
          col("role", I, "choice", values=[0, 1, 2, 2, 2, 2]),
          col("videoQuota", BI, "choice", values=[-1, 10737418240, 5368709120]),
          col("videoQuotaDaily", BI, "choice", values=[-1, 1073741824]),
          col("theme", S, "choice", values=["instance-default", "peertube-core-dark-brown",
                                            "peertube-core-light-beige"]),
          col("noInstanceConfigWarningModal", B, "bool"),
          col("noWelcomeModal", B, "bool"),
          col("noAccountSetupWarningModal", B, "bool"),
          col("pluginAuth", S, "choice", values=["peertube-plugin-auth-ldap",
                                                 "peertube-plugin-auth-openid-connect"],
              null=0.85),
          col("feedToken", UU, "uuid_str"),
          col("lastLoginDate", TS, _ts, null=0.1),
          col("emailPublic", B, lambda c: c.rng.random() < 0.1),
          col("otpSecret", S, _otp, null=0.85),
          *_ts_cols())
    table(md, "account", N_ACCOUNT_ACTOR + 1,
          col("id", I, pk=True, auto=True),
          col("name", S, lambda c: "peertube" if c.index == 0 else _account_name(c)),
          col("description", LS(1000), _bio, null=0.4),
          *_ts_cols(),
          col("actorId", I, lambda c: c.index + 1, fk="actor.id", unique=True),
          col("userId", I, lambda c: c.index if 1 <= c.index <= N_USER else None,
              fk="user.id", nullable=True),
          col("applicationId", I, lambda c: 1 if c.index == 0 else None, nullable=True))
    table(md, "videoChannel", N_CHANNEL,
          col("id", I, pk=True, auto=True),
          col("name", S, _channel_name),
          col("description", LS(1000), "template", texts=VIDEO_DESCRIPTIONS, null=0.4),
          col("support", LS(1000), _support, null=0.5),
          *_ts_cols(),
          col("actorId", I, lambda c: N_ACCOUNT_ACTOR + 2 + c.index, fk="actor.id"),
          col("accountId", I, lambda c: c.rng.randint(2, N_USER + 1), fk="account.id"))
    table(md, "video", N_VIDEO,
          col("id", I, pk=True, auto=True),
          col("uuid", UU, "uuid_str", unique=True),
          col("name", S, "template", texts=VIDEO_TITLES),
          col("category", I, "int", lo=1, hi=18, null=0.3),
          col("licence", I, "int", lo=1, hi=7, null=0.3),
          col("language", sa.String(15), "choice", values=["en", "fr", "de", "ja", "es"],
              null=0.3),
          col("privacy", I, "choice", values=[1, 1, 1, 2, 3, 4, 5]),
          col("nsfw", B, lambda c: c.rng.random() < 0.05),
          col("nsfwFlags", I, "choice", values=[0, 0, 0, 1, 2, 4]),
          col("nsfwSummary", S, "choice", values=["Flashing lights", "Gore"], null=0.95),
          col("description", LS(10000), "template", texts=VIDEO_DESCRIPTIONS, null=0.2),
          col("support", LS(1000), _support, null=0.6),
          col("duration", I, "int", lo=5, hi=7200),
          col("views", I, "int", lo=0, hi=100000),
          col("likes", I, "int", lo=0, hi=500),
          col("dislikes", I, "int", lo=0, hi=50),
          col("comments", I, "int", lo=0, hi=80),
          col("remote", B, lambda c: c.rng.random() < 0.4),
          col("isLive", B, lambda c: c.rng.random() < 0.05),
          col("url", LS(2000), lambda c: f"https://{c.rng.choice([HOST] + REMOTES)}"
              f"/videos/watch/{G['uuid_str'](c)}"),
          col("commentsPolicy", I, "choice", values=[1, 2, 3]),
          col("downloadEnabled", B, "bool"),
          col("waitTranscoding", B, "bool"),
          col("state", I, "choice", values=[1, 1, 1, 2, 3, 4, 6]),
          col("aspectRatio", sa.Float, "choice", values=[1.7778, 1.3333, 0.5625], null=0.1),
          col("inputFileUpdatedAt", TS, _ts, null=0.5),
          *_ts_cols(),
          col("publishedAt", TS, _ts),
          col("originallyPublishedAt", TS, _ts, null=0.85),
          col("channelId", I, fk="videoChannel.id"))
    table(md, "videoComment", 500,
          col("id", I, pk=True, auto=True),
          *_ts_cols(),
          col("deletedAt", TS, _ts, null=0.95),
          col("url", LS(2000), lambda c: f"https://{c.rng.choice([HOST] + REMOTES)}"
              f"/videos/watch/{G['uuid_str'](c)}/comments/{c.index + 1}"),
          col("text", sa.Text, _comment),
          col("heldForReview", B, lambda c: c.rng.random() < 0.05),
          col("replyApproval", S, lambda c: None if c.rng.random() < 0.9 else
              f"https://{HOST}/video-comments/{c.index + 1}/approve-reply", nullable=True),
          col("originCommentId", I, fk="videoComment.id", null=0.6),
          col("inReplyToCommentId", I, fk="videoComment.id", null=0.6),
          col("videoId", I, fk="video.id"),
          col("accountId", I, fk="account.id", null=0.05))
    table(md, "abuse", 40,
          col("id", I, pk=True, auto=True),
          col("reason", LS(3000), "template", texts=ABUSE_REASONS),
          col("state", I, "choice", values=[1, 2, 3]),
          col("moderationComment", LS(3000), lambda c: c.rng.choice(
              [None, "Checked, removed.", "Not a violation.",
               f"Contacted the reporter at {c.person['email']}"]), nullable=True),
          col("predefinedReasons", IARR, lambda c: c.rng.choice([None, [1], [2, 5], [7]]),
              nullable=True),
          col("processedAt", TS, _ts, null=0.5),
          *_ts_cols(),
          col("reporterAccountId", I, fk="account.id", null=0.1),
          col("flaggedAccountId", I, fk="account.id", null=0.05))
    table(md, "abuseMessage", 60,
          col("id", I, pk=True, auto=True),
          col("message", sa.Text, "template", texts=[
              "Can you give the timestamp?", "It's at 02:13.", "Thanks, we removed it.",
              "This is {first2} {last2}'s face without consent.", "Please call me: {phone}"]),
          col("byModerator", B, "bool"),
          *_ts_cols(),
          col("accountId", I, fk="account.id", null=0.1),
          col("abuseId", I, fk="abuse.id"))
    table(md, "userRegistration", 30,
          col("id", I, pk=True, auto=True),
          col("state", I, "choice", values=[1, 2, 3]),
          col("registrationReason", sa.Text, _registration_reason),
          col("moderationResponse", sa.Text, _moderation_response, nullable=True),
          col("password", S, "password_hash", style="bcrypt", null=0.05),
          col("username", S, "username", unique=True),
          col("email", sa.String(400), "email", unique=True),
          col("emailVerified", B, "bool", null=0.3),
          col("accountDisplayName", S, "display_name", null=0.2),
          col("channelHandle", S, lambda c: f"{c.person['username']}_channel", null=0.4,
              unique=True),
          col("channelDisplayName", S, lambda c: f"{c.person['first']}'s channel", null=0.4),
          col("processedAt", TS, _ts, null=0.4),
          *_ts_cols(),
          col("userId", I, fk="user.id", null=0.5, unique=True))
    table(md, "oAuthClient", 1,
          col("id", I, pk=True, auto=True),
          col("clientId", S, lambda c: G["token"](_p(c, n=32, style="hex")), unique=True),
          col("clientSecret", S, lambda c: G["token"](_p(c, n=32, style="url"))),
          col("grants", ARR, lambda c: ["password", "refresh_token"]),
          col("redirectUris", ARR, lambda c: None, nullable=True),
          *_ts_cols())
    table(md, "oAuthToken", 250,
          col("id", I, pk=True, auto=True),
          col("accessToken", S, lambda c: G["token"](_p(c, n=40, style="hex")), unique=True),
          col("accessTokenExpiresAt", TS, _ts),
          col("refreshToken", S, lambda c: G["token"](_p(c, n=40, style="hex")), unique=True),
          col("refreshTokenExpiresAt", TS, _ts),
          col("authName", S, "choice", values=["local", "ldap", "openid"], null=0.7),
          col("loginDevice", S, "user_agent", null=0.3),
          col("loginIP", S, "ip", null=0.3),
          col("loginDate", TS, _ts, null=0.3),
          col("lastActivityDevice", S, "user_agent", null=0.3),
          col("lastActivityIP", S, "ip", null=0.3),
          col("lastActivityDate", TS, _ts, null=0.3),
          *_ts_cols(),
          col("userId", I, fk="user.id"),
          col("oAuthClientId", I, fk="oAuthClient.id"))
    table(md, "localVideoViewer", 600,
          col("id", I, pk=True, auto=True),
          col("createdAt", TS, _ts),
          col("startDate", TS, _ts),
          col("endDate", TS, _ts),
          col("watchTime", I, "int", lo=1, hi=3600),
          col("client", sa.String(200), _viewer_client, nullable=True),
          col("device", S, "choice", values=["desktop", "mobile", "tablet", "tv"], null=0.1),
          col("operatingSystem", S, "choice", values=["Windows", "Linux", "Android", "iOS",
                                                      "macOS"], null=0.1),
          col("country", S, "choice", values=["FR", "DE", "US", "JP", "GB", "BR"], null=0.2),
          col("subdivisionName", S, lambda c: c.rng.choice(
              ["Île-de-France", "Bavaria", "California", "Tokyo", "England", "São Paulo"]),
              null=0.4),
          col("uuid", UU, "uuid_str"),
          col("url", LS(2000), lambda c: f"https://{HOST}/videos/local-viewer/"
              f"{G['uuid_str'](c)}"),
          col("videoId", I, fk="video.id"))
    table(md, "userLoginDevice", 90,
          col("id", I, pk=True, auto=True),
          col("fingerprint", S, lambda c: G["token"](_p(c, n=64, style="hex"))),
          *_ts_cols(),
          col("userId", I, fk="user.id"),
          sa.UniqueConstraint("userId", "fingerprint"))
    return md


