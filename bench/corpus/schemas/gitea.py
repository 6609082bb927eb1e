"""Gitea (self-hosted Git service, Go/xorm): a held-out schema (issue #10), labelled before
any scan and never tuned on. Gitea has no schema file: xorm creates the tables from the
model structs (``models/**.go``): ``string`` -> ``VARCHAR(255)``, ``int64`` and
``timeutil.TimeStamp`` (Unix seconds) -> ``BIGINT``, ``bool`` -> ``BOOL``/``TINYINT(1)``,
``[]byte`` -> ``BLOB``, tags such as ``VARCHAR(10)``, ``TEXT``, ``LONGTEXT``,
``MEDIUMTEXT``, ``UNIQUE``, ``NOT NULL``. xorm declares no foreign keys.

Tables: users and organisations (one ``user`` table, ``type`` 0/1), e-mail addresses,
personal access tokens, TOTP and WebAuthn second factors, SSH public keys, repositories,
issues, comments, organisation membership, OAuth2 applications, grants and authorisation
codes. Column subsets of ``repository`` and ``comment``; each struct as the stored version
cited in SOURCE declares it (the files were read at different commits).
"""

from __future__ import annotations

import base64
import string

import sqlalchemy as sa
from sqlalchemy.dialects import mysql

from ..gen import GENERATORS as G
from ..gen import col, longtext, mediumtext, table

SOURCE = {"repo": "go-gitea/gitea",
          "path": "models/{user/user,user/email_address,auth/access_token,auth/twofactor,"
                  "auth/webauthn,auth/oauth2,asymkey/ssh_key,repo/repo,issues/issue,"
                  "issues/comment,organization/org_user}.go",
          "commit": "user.go @ 003714bd961f2b18bdd6c22113a00a5ec0d8aadd; email_address.go @ "
                    "00359c7625429b48ba1893a7b083f82b239f838b; access_token.go @ "
                    "0837d1b3d1727066d422247f0859f27995eab9e5; twofactor.go @ "
                    "0557575b8d667824bce405c7e8ffa6510f6788d7; webauthn.go @ "
                    "0a1282864a23332d5af5ef411b9aa758518dedf2; oauth2.go @ "
                    "033ef88c2413acc99abe63beb2af654667e535fc; ssh_key.go @ "
                    "034996b62c339b61f666fe5c978e2d410d360745; repo.go @ "
                    "003ac3a5e07c0007caf1adddac2e046e6252cca5; issue.go @ "
                    "0025847627666e704b0454e06aa017089c6708da; comment.go @ "
                    "000d87efe1d99de1447631a94138995067480465; org_user.go @ "
                    "0546809af532707d68c03368cfb6a3c9470d14c7"}
PERSON_TABLES = ("user",)

S = sa.String(255)  # xorm string
BI = sa.BigInteger  # int64, TimeStamp
I = sa.Integer  # noqa: E741
B = sa.Boolean
BLOB = sa.LargeBinary().with_variant(mysql.BLOB(), "mysql", "mariadb")

N_USERS = 200
N_ORGS = 20  # the last rows of user
ORG_NAMES = ["acme", "gitea", "infra-team", "data-science", "mobile", "security", "docs",
             "design-system", "platform", "qa", "devops", "research", "ops-archive",
             "open-source", "clients", "legacy", "tools", "frontend", "backend", "sandbox"]


def _is_org(c):  # type: ignore[no-untyped-def]
    return c.index >= N_USERS - N_ORGS


def _ts(lo=1_500_000_000, hi=1_760_000_000):  # type: ignore[no-untyped-def]
    return lambda c: c.rng.randint(lo, hi)


def _ts_or_zero(share):  # type: ignore[no-untyped-def]
    return lambda c: c.rng.randint(1_500_000_000, 1_760_000_000) if c.rng.random() < share \
        else 0


def _name(c):  # type: ignore[no-untyped-def]
    if _is_org(c):
        return ORG_NAMES[c.index - (N_USERS - N_ORGS)]
    if c.index == 0:
        return "gitea_admin"
    u = c.person["username"]
    return u if c.rng.random() < 0.85 else u.capitalize()


def _full_name(c):  # type: ignore[no-untyped-def]
    if _is_org(c):
        return c.rng.choice(["", G["company"](c), "Infrastructure Team"])
    r = c.rng.random()
    if r < 0.2:
        return ""
    return G["display_name"](c) if r < 0.5 else G["full_name"](c)


def _email(c):  # type: ignore[no-untyped-def]
    if _is_org(c):
        return c.rng.choice(["", f"{ORG_NAMES[c.index - (N_USERS - N_ORGS)]}@example.org"])
    e = c.person["email"]
    return e.lower()


def _passwd(c):  # type: ignore[no-untyped-def]
    if _is_org(c):
        return ""
    algo = c.row.get("_algo") or _algo(c)
    if algo == "bcrypt":
        return "$2a$10$" + G["token"](c)[:22] + G["token"](c)[:31]
    return G["token"](c) + G["token"](c) + G["token"](c)[:36]  # 50 bytes as hex


def _algo(c):  # type: ignore[no-untyped-def]
    if "_algo" not in c.row:
        c.row["_algo"] = "" if _is_org(c) else c.rng.choice(
            ["argon2", "argon2", "pbkdf2", "pbkdf2", "scrypt", "bcrypt"])
    return c.row["_algo"]


def _rand10(c):  # type: ignore[no-untyped-def]
    return "".join(c.rng.choice(string.ascii_letters + string.digits) for _ in range(10))


BIOS = ["", "", "", "Backend developer. Coffee addict.", "Maintainer of a few small tools.",
        "Contact me at {email}", "Living in {city}. Working at {company}.",
        "PGP: 0x{hex}", "she/her", "Hi, I'm {first}!", "Rust, Go, Linux"]


def _bio(c):  # type: ignore[no-untyped-def]
    if _is_org(c):
        return c.rng.choice(["", "Official organisation account", "Internal tools"])
    t = c.rng.choice(BIOS)
    return t.format(email=c.person["email"], city=c.fake().city(), company=G["company"](c),
                    hex=G["token"](c)[:16].upper(), first=c.person["first"])


def _location(c):  # type: ignore[no-untyped-def]
    if _is_org(c) or c.rng.random() < 0.6:
        return ""
    city = c.fake().city()
    return c.rng.choice([city, f"{city}, {c.fake().current_country()}", "Earth", "Remote"])


def _website(c):  # type: ignore[no-untyped-def]
    if _is_org(c):
        return c.rng.choice(["", "https://example.org"])
    if c.rng.random() < 0.65:
        return ""
    return G["personal_url"](c)


def _use_custom(c):  # type: ignore[no-untyped-def]
    if "_uca" not in c.row:
        c.row["_uca"] = c.rng.random() < 0.3
    return c.row["_uca"]


def _login_name(c):  # type: ignore[no-untyped-def]
    if c.row.get("login_type") in (2, 5) and not _is_org(c):
        return c.rng.choice([c.person["username"], c.person["email"],
                             f"{c.person['first'][:1]}{c.person['last']}".lower()])
    return ""


def _ssh_content(c):  # type: ignore[no-untyped-def]
    rng = c.rng
    if rng.random() < 0.5:
        body = "AAAAC3NzaC1lZDI1NTE5AAAAI" + base64.b64encode(
            bytes(rng.getrandbits(8) for _ in range(32))).decode().rstrip("=")
        kind = "ssh-ed25519"
    else:
        body = "AAAAB3NzaC1yc2EAAAADAQABAAABgQ" + base64.b64encode(
            bytes(rng.getrandbits(8) for _ in range(300))).decode()
        kind = "ssh-rsa"
    r = rng.random()
    if r < 0.4:
        comment = f" {c.person['email']}"
    elif r < 0.7:
        comment = f" {c.person['username'].split('.')[0]}@" \
                  f"{rng.choice(['laptop', 'MacBook-Pro.local', 'DESKTOP-4F2K9QX', 'nuc'])}"
    else:
        comment = ""
    return f"{kind} {body}{comment}"


def _fingerprint(c):  # type: ignore[no-untyped-def]
    return "SHA256:" + base64.b64encode(bytes(c.rng.getrandbits(8) for _ in range(32))) \
        .decode().rstrip("=")


def _credential_id(c):  # type: ignore[no-untyped-def]
    raw = bytes(c.rng.getrandbits(8) for _ in range(c.rng.choice([16, 32, 64])))
    return base64.b32hexencode(raw).decode()


ISSUE_TITLES = ["Login page returns 500", "Add dark theme", "Update dependencies",
                "Typo in README", "Crash when pushing large files", "Support for SSH certificates",
                "CI is failing on main", "Improve error message", "Docs: install on ARM",
                "Refactor config loader", "Memory leak in indexer", "Release v1.2"]
ISSUE_BODIES = ["Steps to reproduce:\n1. Open the page\n2. Click save\n\nExpected: saved.",
                "", "Same as #12.", "cc @{username}",
                "Reported by {first} {last} ({email}) on the mailing list.",
                "Stack trace:\n```\npanic: runtime error: index out of range\n```",
                "Works for me on Linux.", "Customer {first} {last} called from {phone}.",
                "Fixed in abc1234.", "I can take this one. - {first}"]
COMMENT_BODIES = ["LGTM", "Thanks!", "", "Could you add a test?", "@{username} ping",
                  "Merged, thanks {first}!", "Duplicate of #42.",
                  "Please contact {first} {last} at {email} for access.",
                  "Rebased on main.", "Can you share the logs?", "+1"]


def _original_author(c):  # type: ignore[no-untyped-def]
    if "_mig" not in c.row:
        c.row["_mig"] = c.rng.random() < 0.15
    return c.person["username"] if c.row["_mig"] else ""


def _original_author_id(c):  # type: ignore[no-untyped-def]
    return c.rng.randint(10000, 90_000_000) if c.row.get("_mig") else 0


def _original_url(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.7:
        return ""
    host = c.rng.choice(["https://github.com", "https://gitlab.com", "https://codeberg.org"])
    return f"{host}/{c.person['username']}/{c.row['lower_name']}.git"


def _repo_name(c):  # type: ignore[no-untyped-def]
    if "_rn" not in c.row:
        c.row["_rn"] = c.rng.choice(["api", "web", "docs", "infra", "dotfiles", "blog",
                                     "cli", "website", "homelab", "notes", "sdk-go",
                                     "ansible-roles", "terraform", "app"]) + \
            (f"-{c.rng.randint(1, 99)}" if c.rng.random() < 0.4 else "")
    return c.row["_rn"]


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "user", N_USERS,
          col("id", BI, pk=True, auto=True),
          col("lower_name", S, lambda c: _name(c).lower(), unique=True),
          col("name", S, _name, unique=True),
          col("full_name", S, _full_name, nullable=True),
          col("email", S, _email),
          col("keep_email_private", B, lambda c: c.rng.random() < 0.3, nullable=True),
          col("email_notifications_preference", sa.String(20), "choice",
              values=["enabled", "enabled", "onmention", "disabled"]),
          col("passwd", S, _passwd),
          col("passwd_hash_algo", S, _algo),
          col("must_change_password", B, lambda c: c.rng.random() < 0.03),
          col("login_type", I, lambda c: 0 if _is_org(c) else c.rng.choice([0, 1, 1, 1, 2, 5]),
              nullable=True),
          col("login_source", BI, lambda c: c.rng.choice([1, 2]) if c.row["login_type"] in
              (2, 5) else 0),
          col("login_name", S, _login_name, nullable=True),
          col("type", I, lambda c: int(_is_org(c)), nullable=True),
          col("location", S, _location, nullable=True),
          col("website", S, _website, nullable=True),
          col("rands", sa.String(10), _rand10, nullable=True),
          col("salt", sa.String(10), lambda c: "" if _is_org(c) else _rand10(c),
              nullable=True),
          col("language", sa.String(5), "choice", values=["en-US", "de-DE", "fr-FR", "zh-CN",
                                                          "ja-JP", ""], nullable=True),
          col("description", S, _bio, nullable=True),
          col("created_unix", BI, _ts(), nullable=True),
          col("updated_unix", BI, _ts(), nullable=True),
          col("last_login_unix", BI, _ts_or_zero(0.85), nullable=True),
          col("last_repo_visibility", B, "bool", nullable=True),
          col("max_repo_creation", I, "choice", values=[-1, -1, -1, 0, 10]),
          col("is_active", B, lambda c: c.rng.random() < 0.9, nullable=True),
          col("is_admin", B, lambda c: c.index == 0 or c.rng.random() < 0.02, nullable=True),
          col("is_restricted", B, lambda c: c.rng.random() < 0.05),
          col("allow_git_hook", B, lambda c: c.rng.random() < 0.05, nullable=True),
          col("allow_import_local", B, lambda c: c.rng.random() < 0.05, nullable=True),
          col("allow_create_organization", B, lambda c: c.rng.random() < 0.9, nullable=True),
          col("prohibit_login", B, lambda c: c.rng.random() < 0.03),
          col("avatar", sa.String(2048), lambda c: G["token"](c) if _use_custom(c) else ""),
          col("avatar_email", S, lambda c: "" if _is_org(c) else c.person["email"].lower()),
          col("use_custom_avatar", B, _use_custom, nullable=True),
          col("num_followers", I, "int", lo=0, hi=300, nullable=True),
          col("num_following", I, "int", lo=0, hi=100),
          col("num_stars", I, "int", lo=0, hi=200, nullable=True),
          col("num_repos", I, "int", lo=0, hi=40, nullable=True),
          col("num_teams", I, lambda c: c.rng.randint(1, 6) if _is_org(c) else 0,
              nullable=True),
          col("num_members", I, lambda c: c.rng.randint(1, 40) if _is_org(c) else 0,
              nullable=True),
          col("visibility", I, "choice", values=[0, 0, 0, 1, 2]),
          col("repo_admin_change_team_access", B, lambda c: False),
          col("diff_view_style", S, "choice", values=["", "", "unified", "split"]),
          col("theme", S, "choice", values=["", "gitea-auto", "gitea-dark", "arc-green"]),
          col("keep_activity_private", B, lambda c: c.rng.random() < 0.1))
    table(md, "email_address", 280,
          col("id", BI, pk=True, auto=True),
          col("uid", BI, lambda c: c.index + 1 if c.index < N_USERS - N_ORGS else
              c.rng.randint(1, N_USERS - N_ORGS)),
          col("email", S, lambda c: c.person["email"] if c.rng.random() < 0.9 else
              f"{c.person['username']}@users.noreply.example.org", unique=True),
          col("lower_email", S, lambda c: c.row["email"].lower(), unique=True),
          col("is_activated", B, lambda c: c.rng.random() < 0.85, nullable=True),
          col("is_primary", B, lambda c: c.index < N_USERS - N_ORGS))
    table(md, "access_token", 150,
          col("id", BI, pk=True, auto=True),
          col("uid", BI, ref="user.id", nullable=True),
          col("name", S, "choice", values=["ci", "drone", "renovate", "laptop", "backup script",
                                          "tea cli", "vscode", "jenkins", "deploy"],
              nullable=True),
          col("token_hash", S, lambda c: G["token"](c) + G["token"](c) + G["token"](c)[:36],
              unique=True, nullable=True),
          col("token_salt", S, _rand10, nullable=True),
          col("token_last_eight", S, lambda c: G["token"](c)[:8], nullable=True),
          col("scope", S, "choice", values=["all", "write:repository,read:user",
                                           "read:repository", "write:package", "public-only"],
              nullable=True),
          col("created_unix", BI, _ts(), nullable=True),
          col("updated_unix", BI, _ts(), nullable=True))
    table(md, "two_factor", 40,
          col("id", BI, pk=True, auto=True),
          col("uid", BI, ref="user.id", unique=True, nullable=True),
          col("secret", S, lambda c: base64.b64encode(bytes(c.rng.getrandbits(8)
                                                           for _ in range(48))).decode(),
              nullable=True),
          col("scratch_salt", S, _rand10, nullable=True),
          col("scratch_hash", S, lambda c: G["token"](c) + G["token"](c) + G["token"](c)[:36],
              nullable=True),
          col("last_used_passcode", sa.String(10), lambda c: None if c.rng.random() < 0.3 else
              f"{c.rng.randint(0, 999999):06d}", nullable=True),
          col("created_unix", BI, _ts(), nullable=True),
          col("updated_unix", BI, _ts(), nullable=True))
    table(md, "webauthn_credential", 50,
          col("id", BI, pk=True, auto=True),
          col("name", S, "choice", values=["YubiKey 5", "yubikey", "Touch ID", "Windows Hello",
                                          "backup key", "Pixel 8", "Titan"], nullable=True),
          col("lower_name", S, lambda c: c.row["name"].lower(), nullable=True),
          col("user_id", BI, ref="user.id", nullable=True),
          col("credential_id", S, _credential_id, nullable=True),
          col("public_key", BLOB, "bytes", n=77, nullable=True),
          col("attestation_type", S, "choice", values=["none", "none", "packed", "fido-u2f"],
              nullable=True),
          col("aaguid", BLOB, lambda c: c.rng.choice([bytes(16), bytes.fromhex(
              "ee882879721c491397753dfcce97072a"), bytes.fromhex(
              "adce000235bcc60a648b0b25f1f05503")]), nullable=True),
          col("sign_count", BI, "int", lo=0, hi=5000, nullable=True),
          col("clone_warning", B, lambda c: False, nullable=True),
          col("created_unix", BI, _ts(), nullable=True),
          col("updated_unix", BI, _ts(), nullable=True),
          sa.UniqueConstraint("lower_name", "user_id"))
    table(md, "public_key", 180,
          col("id", BI, pk=True, auto=True),
          col("owner_id", BI, ref="user.id"),
          col("name", S, "choice", values=["laptop", "work", "desktop", "ci", "yubikey",
                                          "(DeployKey)", "ldap-SHA256:pqK3", "home"]),
          col("fingerprint", S, _fingerprint),
          col("content", mediumtext(), _ssh_content),
          col("mode", I, "choice", values=[2, 2, 1, 4]),
          col("type", I, "choice", values=[1, 1, 1, 2, 3]),
          col("login_source_id", BI, "choice", values=[0, 0, 0, 1]),
          col("created_unix", BI, _ts(), nullable=True),
          col("updated_unix", BI, _ts(), nullable=True),
          col("verified", B, lambda c: c.rng.random() < 0.3))
    table(md, "repository", 150,
          col("id", BI, pk=True, auto=True),
          col("owner_id", BI, ref="user.id", nullable=True),
          col("owner_name", S, lambda c: c.person["username"], nullable=True),
          col("lower_name", S, lambda c: _repo_name(c).lower()),
          col("name", S, _repo_name),
          col("description", sa.Text, "choice", values=["", "", "My dotfiles",
                                                        "Internal API", "Company website",
                                                        "Terraform modules", "Fork of upstream",
                                                        "Homelab configuration"],
              nullable=True),
          col("website", sa.String(2048), "choice", values=["", "", "", "https://example.org",
                                                            "https://docs.example.com"],
              nullable=True),
          col("original_service_type", I, "choice", values=[0, 0, 0, 1, 2, 3], nullable=True),
          col("original_url", sa.String(2048), _original_url, nullable=True),
          col("default_branch", S, "choice", values=["main", "main", "master", "develop"],
              nullable=True),
          col("num_watches", I, "int", lo=0, hi=30, nullable=True),
          col("num_stars", I, "int", lo=0, hi=500, nullable=True),
          col("num_forks", I, "int", lo=0, hi=40, nullable=True),
          col("num_issues", I, "int", lo=0, hi=200, nullable=True),
          col("num_closed_issues", I, "int", lo=0, hi=150, nullable=True),
          col("num_pulls", I, "int", lo=0, hi=100, nullable=True),
          col("num_closed_pulls", I, "int", lo=0, hi=90, nullable=True),
          col("is_private", B, "bool", nullable=True),
          col("is_empty", B, lambda c: c.rng.random() < 0.1, nullable=True),
          col("is_archived", B, lambda c: c.rng.random() < 0.1, nullable=True),
          col("is_mirror", B, lambda c: c.rng.random() < 0.15, nullable=True),
          col("status", I, "choice", values=[0, 0, 0, 0, 1, 3]),
          col("is_fork", B, lambda c: c.rng.random() < 0.2),
          col("fork_id", BI, lambda c: c.rng.randint(1, c.index) if c.row["is_fork"] and
              c.index else 0, nullable=True),
          col("is_template", B, lambda c: c.rng.random() < 0.05),
          col("template_id", BI, "choice", values=[0, 0, 0, 0, 3], nullable=True),
          col("size", BI, "int", lo=0, hi=500_000_000),
          col("topics", sa.Text, lambda c: c.rng.choice(["null", "[]", '["go","api"]',
                                                         '["homelab"]', '["terraform","aws"]']),
              nullable=True),
          col("avatar", sa.String(64), lambda c: "" if c.rng.random() < 0.9 else
              f"{c.index + 1}-{G['token'](c)}", nullable=True),
          col("created_unix", BI, _ts(), nullable=True),
          col("updated_unix", BI, _ts(), nullable=True),
          sa.UniqueConstraint("owner_id", "lower_name"))
    table(md, "issue", 500,
          col("id", BI, pk=True, auto=True),
          col("repo_id", BI, ref="repository.id", nullable=True),
          col("index", BI, "seq", nullable=True),
          col("poster_id", BI, ref="user.id", nullable=True),
          col("original_author", S, _original_author, nullable=True),
          col("original_author_id", BI, _original_author_id, nullable=True),
          col("name", S, "choice", values=ISSUE_TITLES, nullable=True),
          col("content", longtext(), "template", texts=ISSUE_BODIES, nullable=True),
          col("milestone_id", BI, "choice", values=[0, 0, 0, 1, 2, 3], nullable=True),
          col("priority", I, "choice", values=[0, 0, 0, 1, 2], nullable=True),
          col("is_closed", B, "bool", nullable=True),
          col("is_pull", B, lambda c: c.rng.random() < 0.35, nullable=True),
          col("num_comments", I, "int", lo=0, hi=30, nullable=True),
          col("ref", S, "choice", values=["", "", "", "refs/heads/fix-login",
                                         "refs/heads/main"], nullable=True),
          col("deadline_unix", BI, _ts_or_zero(0.1), nullable=True),
          col("created_unix", BI, _ts(), nullable=True),
          col("updated_unix", BI, _ts(), nullable=True),
          col("closed_unix", BI, lambda c: _ts()(c) if c.row["is_closed"] else 0,
              nullable=True),
          col("is_locked", B, lambda c: c.rng.random() < 0.03),
          sa.UniqueConstraint("repo_id", "index"))
    table(md, "comment", 1200,
          col("id", BI, pk=True, auto=True),
          col("type", I, "choice", values=[0, 0, 0, 0, 0, 1, 2, 7, 8, 9, 10, 21, 22],
              nullable=True),
          col("poster_id", BI, ref="user.id", nullable=True),
          col("original_author", S, _original_author, nullable=True),
          col("original_author_id", BI, _original_author_id, nullable=True),
          col("issue_id", BI, ref="issue.id", nullable=True),
          col("label_id", BI, lambda c: c.rng.randint(1, 20) if c.row["type"] == 7 else 0,
              nullable=True),
          col("old_milestone_id", BI, "const", value=0, nullable=True),
          col("milestone_id", BI, lambda c: c.rng.randint(1, 5) if c.row["type"] == 8 else 0,
              nullable=True),
          col("assignee_id", BI, lambda c: c.rng.randint(1, N_USERS - N_ORGS)
              if c.row["type"] == 9 else 0, nullable=True),
          col("removed_assignee", B, lambda c: c.row["type"] == 9 and c.rng.random() < 0.3,
              nullable=True),
          col("resolve_doer_id", BI, lambda c: c.rng.randint(1, N_USERS - N_ORGS)
              if c.row["type"] == 21 and c.rng.random() < 0.5 else 0, nullable=True),
          col("old_title", S, lambda c: c.rng.choice(ISSUE_TITLES) if c.row["type"] == 10
              else "", nullable=True),
          col("new_title", S, lambda c: c.rng.choice(ISSUE_TITLES) if c.row["type"] == 10
              else "", nullable=True),
          col("dependent_issue_id", BI, "const", value=0, nullable=True),
          col("commit_id", BI, "const", value=0, nullable=True),
          col("line", BI, lambda c: c.rng.randint(-200, 400) if c.row["type"] == 21 else 0,
              nullable=True),
          col("tree_path", S, lambda c: c.rng.choice(["cmd/serve.go", "README.md",
                                                      "web_src/js/index.js"])
              if c.row["type"] == 21 else "", nullable=True),
          col("content", longtext(), "template", texts=COMMENT_BODIES, nullable=True),
          col("patch", longtext(), lambda c: "@@ -1,3 +1,4 @@\n func main() {\n+\tlog.Println"
              "(\"start\")\n" if c.row["type"] == 21 else "", nullable=True),
          col("created_unix", BI, _ts(), nullable=True),
          col("updated_unix", BI, _ts(), nullable=True),
          col("commit_sha", sa.String(64), lambda c: G["sha1"](c) if c.row["type"] == 22
              else "", nullable=True),
          col("review_id", BI, lambda c: c.rng.randint(1, 200) if c.row["type"] in (21, 22)
              else 0, nullable=True),
          col("invalidated", B, lambda c: False, nullable=True),
          col("ref_repo_id", BI, "const", value=0, nullable=True),
          col("ref_issue_id", BI, "const", value=0, nullable=True),
          col("ref_comment_id", BI, "const", value=0, nullable=True),
          col("ref_action", sa.SmallInteger, "const", value=0, nullable=True),
          col("ref_is_pull", B, lambda c: False, nullable=True))
    table(md, "org_user", 250,
          col("id", BI, pk=True, auto=True),
          col("uid", BI, lambda c: c.rng.randint(1, N_USERS - N_ORGS), nullable=True),
          col("org_id", BI, lambda c: c.rng.randint(N_USERS - N_ORGS + 1, N_USERS),
              nullable=True),
          col("is_public", B, "bool", nullable=True),
          sa.UniqueConstraint("uid", "org_id"))
    table(md, "oauth2_application", 15,
          col("id", BI, pk=True, auto=True),
          col("uid", BI, lambda c: c.rng.choice([0, 1, c.rng.randint(2, N_USERS)]),
              nullable=True),
          col("name", S, lambda c: ["git-credential-oauth", "Git Credential Manager",
                                    "tea", "Drone CI", "Woodpecker", "Grafana", "Matrix bridge",
                                    "Nextcloud", "Jenkins", "Argo CD", "Vault", "Outline",
                                    "Mattermost", "Harbor", "Backstage"][c.index],
              nullable=True),
          col("client_id", S, "uuid_str", unique=True, nullable=True),
          col("client_secret", S, lambda c: "$2a$10$" + G["token"](c)[:22] +
              G["token"](c)[:31], nullable=True),
          col("redirect_uris", sa.Text, lambda c: '["https://ci.example.com/authorize"]'
              if c.rng.random() < 0.7 else '["http://127.0.0.1", "https://[::1]"]',
              nullable=True),
          col("created_unix", BI, _ts(), nullable=True),
          col("updated_unix", BI, _ts(), nullable=True))
    table(md, "oauth2_grant", 80,
          col("id", BI, pk=True, auto=True),
          col("user_id", BI, ref="user.id", nullable=True),
          col("application_id", BI, ref="oauth2_application.id", nullable=True),
          col("counter", BI, "int", lo=1, hi=40),
          col("scope", sa.Text, "choice", values=["", "openid profile email", "openid",
                                                  "read:user write:repository"],
              nullable=True),
          col("nonce", sa.Text, lambda c: "" if c.rng.random() < 0.5 else G["token"](c)[:22],
              nullable=True),
          col("created_unix", BI, _ts(), nullable=True),
          col("updated_unix", BI, _ts(), nullable=True),
          sa.UniqueConstraint("user_id", "application_id"))
    table(md, "oauth2_authorization_code", 60,
          col("id", BI, pk=True, auto=True),
          col("grant_id", BI, ref="oauth2_grant.id", nullable=True),
          col("code", S, lambda c: "gta_" + base64.b32encode(bytes(
              c.rng.getrandbits(8) for _ in range(32))).decode().lower().rstrip("="),
              unique=True, nullable=True),
          col("code_challenge", S, lambda c: "" if c.rng.random() < 0.4 else
              base64.urlsafe_b64encode(bytes(c.rng.getrandbits(8) for _ in range(32)))
              .decode().rstrip("="), nullable=True),
          col("code_challenge_method", S, lambda c: "S256" if c.row["code_challenge"] else "",
              nullable=True),
          col("redirect_uri", S, "choice", values=["https://ci.example.com/authorize",
                                                   "http://127.0.0.1:43121/"], nullable=True),
          col("valid_until", BI, _ts(), nullable=True))
    return md
