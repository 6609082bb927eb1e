"""Jellyfin (media server, .NET, Entity Framework Core on SQLite): a held-out schema (issue
#10), labelled before any scan and never tuned on. The tables as the EF Core model
snapshot ``Jellyfin.Server.Implementations/Migrations/JellyfinDbModelSnapshot.cs``
declares them (SQLite: ``Guid`` and ``DateTime`` stored as ``TEXT``; here ``VARCHAR(36)``
and timestamps). 16 of its tables; column subsets of ``BaseItems`` (25 of its 70
columns) and ``MediaStreamInfos`` (12 of 47). Text keys of composite primary keys
(``UserData.Key``, ``Peoples.Role``, ``BaseItemProviders.ProviderId``) are
``VARCHAR(255)`` so that MariaDB can index them. Foreign keys as the snapshot declares
them; ``ActivityLogs.UserId`` and ``DeviceOptions.DeviceId`` have none.

Tables: users (user name, PBKDF2-SHA512 hash, preferences), their access schedules,
permissions, preferences and display preferences, their profile image (a path with the
user name), devices (access token, device id, device name such as "<first name>'s
iPhone"), device options (custom names), server API keys (named after the application),
the activity log ("<user> is playing <film>", "IP address: ..."), library items (films,
series, home videos whose paths and names name family members in part), cast and crew
(``Peoples``: person names), chapters, provider ids, media streams and per-user play state.
"""

from __future__ import annotations

import sqlalchemy as sa

from ..gen import FILM_TITLES, col, datetimes, table
from ..gen import GENERATORS as G
from ..gen import with_params as _p

SOURCE = {"repo": "jellyfin/jellyfin",
          "path": "Jellyfin.Server.Implementations/Migrations/JellyfinDbModelSnapshot.cs",
          "commit": "01d834f21abcb65d246b18762b79001929fe845b"}
PERSON_TABLES = ("Users",)

I = sa.Integer  # noqa: E741
BI = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
T = sa.Text
TS = sa.DateTime
B = sa.Boolean
F = sa.Float
G36 = sa.String(36)


def S(n: int) -> sa.String:  # noqa: N802
    return sa.String(n)


N_USER = 9
N_ITEM = 300

_ts = datetimes(2020, 2025)


def _pbkdf2(c):  # type: ignore[no-untyped-def]
    return (f"$PBKDF2-SHA512$iterations=210000${G['token'](_p(c, n=32)).upper()}$"
            f"{G['token'](_p(c, n=128)).upper()}")


def _username(c):  # type: ignore[no-untyped-def]
    if c.index == 0:
        return "admin"
    return c.rng.choice([c.person["first"], c.person["username"], c.person["first"].lower(),
                         f"{c.person['first']} {c.person['last'][:1]}."])


APPS = ["Jellyfin Web", "Jellyfin Android", "Jellyfin iOS", "Jellyfin Media Player",
        "Finamp", "Swiftfin", "Kodi", "Infuse", "Jellyfin for Android TV"]


def _device_name(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice(["Firefox", "Chrome", "Safari", "Pixel 7", "SM-G991B", "Apple TV",
                         "LG webOS TV", f"{p['first']}'s iPhone", f"{p['first']}'s iPad",
                         "SHIELD Android TV", f"iPhone von {p['first']}"])


def _device_id(c):  # type: ignore[no-untyped-def]
    # web clients: base64 of the user agent and a timestamp; apps: a hex id
    r = c.rng.random()
    if r < 0.5:
        return G["token"](_p(c, n=64, style="b64"))[:86]
    return G["token"](_p(c, n=16)) if r < 0.8 else G["uuid_str"](c)


def _activity_name(c):  # type: ignore[no-untyped-def]
    u = c.person["first"]
    return c.rng.choice([f"{u} is online from {c.rng.choice(APPS)}",
                         f"{u} has disconnected from {c.rng.choice(APPS)}",
                         f"{u} is playing {c.rng.choice(FILM_TITLES)} on Chrome",
                         f"User {c.person['username']} has been created",
                         f"{u} has finished playing {c.rng.choice(FILM_TITLES)}",
                         "Scan Media Library failed", "Refresh Guide completed",
                         f"Failed login try from {c.person['username']}",
                         "Plugin Open Subtitles updated to version 20.0.0.0"])


def _activity_short(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.45:
        return f"IP address: {G['ip'](c)}"
    if r < 0.55:
        return "Task failed: Object reference not set to an instance of an object."
    return None


def _activity_overview(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.2:
        return f"User: {c.person['username']}"
    if r < 0.3:
        return "Library scan took 00:02:31"
    return None


HOME_VIDEO = ["Geburtstag {first} 2019", "{first}'s first steps", "Wedding {first} & {first2}",
              "Holiday Crete 2021", "School play {first} {last}", "Christmas at {last}s'"]


def _item_name(c):  # type: ignore[no-untyped-def]
    t = c.row["Type"]
    if t.endswith("Video"):
        return G["template"](_p(c, texts=HOME_VIDEO))
    if t.endswith("Person"):
        return G["full_name"](c)
    if t.endswith("MusicAlbum"):
        return c.rng.choice(["Blue Train", "Kind of Blue", "Nevermind", "Abbey Road",
                             "OK Computer", "Rumours"])
    return c.rng.choice(FILM_TITLES)


def _item_path(c):  # type: ignore[no-untyped-def]
    t = c.row["Type"]
    name = c.row["Name"]
    if t.endswith("Video"):
        return f"/media/home-videos/{name}.mp4"
    if t.endswith("Person"):
        return f"/config/metadata/People/{name[:1]}/{name}"
    if t.endswith("Movie"):
        return f"/media/movies/{name} ({c.rng.randint(1960, 2024)})/{name}.mkv"
    season = f"Season {c.rng.randint(1, 6):02d}"
    return f"/media/tv/{name}/{season}/{name} S01E0{c.rng.randint(1, 9)}.mkv"


TYPES = ["MediaBrowser.Controller.Entities.Movies.Movie"] * 5 + [
    "MediaBrowser.Controller.Entities.TV.Episode"] * 4 + [
    "MediaBrowser.Controller.Entities.TV.Series",
    "MediaBrowser.Controller.Entities.Audio.MusicAlbum",
    "MediaBrowser.Controller.Entities.Video",
    "MediaBrowser.Controller.Entities.Person"]

ROLES = ["Director", "Writer", "Producer", "Composer", "Self", "Dr. Hale", "The Narrator",
         "Young Anna", "Detective Ruiz", "Mother", "Captain Price", "Guest"]


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "Users", N_USER,
          col("Id", G36, "uuid_str", pk=True),
          col("Username", S(255), _username, unique=True),
          col("Password", T, _pbkdf2, null=0.1),
          col("MustUpdatePassword", B, lambda c: False),
          col("AudioLanguagePreference", S(255), "choice", values=["eng", "ger", "jpn"],
              null=0.6),
          col("AuthenticationProviderId", S(255), "choice",
              values=["Jellyfin.Server.Implementations.Users.DefaultAuthenticationProvider",
                      "Jellyfin.Plugin.LDAP_Auth.LdapAuthenticationProviderPlugin"]),
          col("PasswordResetProviderId", S(255), "const",
              value="Jellyfin.Server.Implementations.Users.DefaultPasswordResetProvider"),
          col("InvalidLoginAttemptCount", I, "int", lo=0, hi=3),
          col("LastActivityDate", TS, _ts, null=0.1),
          col("LastLoginDate", TS, _ts, null=0.1),
          col("LoginAttemptsBeforeLockout", I, "choice", values=[None, -1, 3, 5],
              nullable=True),
          col("MaxActiveSessions", I, "choice", values=[0, 0, 2]),
          col("SubtitleMode", I, "int", lo=0, hi=4),
          col("PlayDefaultAudioTrack", B, "bool"),
          col("SubtitleLanguagePreference", S(255), "choice", values=["eng", "ger", "fre"],
              null=0.5),
          col("DisplayMissingEpisodes", B, "bool"),
          col("DisplayCollectionsView", B, "bool"),
          col("EnableLocalPassword", B, "bool"),
          col("HidePlayedInLatest", B, "bool"),
          col("RememberAudioSelections", B, "bool"),
          col("RememberSubtitleSelections", B, "bool"),
          col("EnableNextEpisodeAutoPlay", B, "bool"),
          col("EnableAutoLogin", B, "bool"),
          col("EnableUserPreferenceAccess", B, "bool"),
          col("MaxParentalAgeRating", I, "choice", values=[None, 7, 12, 16], nullable=True),
          col("RemoteClientBitrateLimit", I, "choice", values=[None, 0, 8000000],
              nullable=True),
          col("InternalId", BI, lambda c: c.index + 1),
          col("SyncPlayAccess", I, "int", lo=0, hi=2),
          col("CastReceiverId", S(32), "choice", values=["F007D354", "6F511C87"], null=0.7),
          col("RowVersion", I, "int", lo=0, hi=40))
    table(md, "AccessSchedules", 6,
          col("Id", I, pk=True, auto=True),
          col("UserId", G36, fk="Users.Id"),
          col("DayOfWeek", I, "int", lo=0, hi=9),
          col("StartHour", F, "choice", values=[6.0, 7.5, 15.0]),
          col("EndHour", F, "choice", values=[20.0, 21.5, 23.0]))
    table(md, "Permissions", 60,
          col("Id", I, pk=True, auto=True),
          col("Kind", I, "int", lo=0, hi=22),
          col("Permission_Permissions_Guid", G36, "uuid_str", null=0.9),
          col("RowVersion", I, "int", lo=0, hi=5),
          col("UserId", G36, fk="Users.Id", null=0.05),
          col("Value", B, "bool"))
    table(md, "Preferences", 50,
          col("Id", I, pk=True, auto=True),
          col("Kind", I, "int", lo=0, hi=12),
          col("Preference_Preferences_Guid", G36, "uuid_str", null=0.9),
          col("RowVersion", I, "int", lo=0, hi=5),
          col("UserId", G36, fk="Users.Id", null=0.05),
          col("Value", T, "choice", values=["", "", "smalllibrarytiles,resume,nextup",
                                            "f137a2dd21bbc1b99aa5c0f6bf02a805",
                                            "Latest,Resume", "0"]))
    table(md, "DisplayPreferences", 25,
          col("Id", I, pk=True, auto=True),
          col("UserId", G36, fk="Users.Id"),
          col("ItemId", G36, "uuid_str"),
          col("Client", S(32), "choice", values=["emby", "Jellyfin Web", "Finamp"]),
          col("ShowSidebar", B, "bool"),
          col("ShowBackdrop", B, "bool"),
          col("ScrollDirection", I, "int", lo=0, hi=1),
          col("IndexBy", I, "int", lo=0, hi=2, null=0.8),
          col("SkipForwardLength", I, "choice", values=[30000, 15000]),
          col("SkipBackwardLength", I, "choice", values=[10000, 15000]),
          col("ChromecastVersion", I, "int", lo=0, hi=1),
          col("EnableNextVideoInfoOverlay", B, "bool"),
          col("DashboardTheme", S(32), "choice", values=["dark", "light", ""], null=0.5),
          col("TvHome", S(32), "choice", values=[""], null=0.7))
    table(md, "ImageInfos", 6,
          col("Id", I, pk=True, auto=True),
          col("UserId", G36, fk="Users.Id", unique=True, null=0.0, nullable=True),
          col("Path", S(512), lambda c: c.rng.choice([
              f"/config/data/users/{c.person['username']}/profile.jpg",
              f"/config/metadata/users/{G['token'](_p(c, n=32))}/{c.person['first']}.png"])),
          col("LastModified", TS, _ts))
    table(md, "Devices", 40,
          col("Id", I, pk=True, auto=True),
          col("UserId", G36, fk="Users.Id"),
          col("AccessToken", T, lambda c: G["token"](_p(c, n=32))),
          col("AppName", S(64), "choice", values=APPS),
          col("AppVersion", S(32), "choice", values=["10.9.11", "10.10.3", "0.9.6", "2.0.1"]),
          col("DeviceName", S(64), _device_name),
          col("DeviceId", S(256), _device_id),
          col("IsActive", B, "bool"),
          col("DateCreated", TS, _ts),
          col("DateModified", TS, _ts),
          col("DateLastActivity", TS, _ts))
    table(md, "DeviceOptions", 12,
          col("Id", I, pk=True, auto=True),
          col("DeviceId", T, _device_id),
          col("CustomName", T, lambda c: c.rng.choice([
              "Living room TV", f"{c.person['first']}s Handy", f"Oma {c.person['first']}",
              "Bedroom", f"{c.person['first']} {c.person['last']} laptop", None]),
              nullable=True))
    table(md, "ApiKeys", 4,
          col("Id", I, pk=True, auto=True),
          col("DateCreated", TS, _ts),
          col("DateLastActivity", TS, _ts),
          col("Name", S(64), lambda c: ["Jellyseerr", "Home Assistant", "Sonarr",
                                        "Kodi sync"][c.index]),
          col("AccessToken", T, lambda c: G["token"](_p(c, n=32)), unique=True))
    table(md, "ActivityLogs", 300,
          col("Id", I, pk=True, auto=True),
          col("Name", S(512), _activity_name),
          col("Overview", S(512), _activity_overview, nullable=True),
          col("ShortOverview", S(512), _activity_short, nullable=True),
          col("Type", S(256), "choice", values=["SessionStarted", "SessionEnded",
                                                "VideoPlayback", "UserCreated",
                                                "ScheduledTaskFailed", "PluginUpdated",
                                                "UserLockedOut", "AuthenticationFailed"]),
          col("ItemId", S(256), lambda c: G["token"](_p(c, n=32)), null=0.7),
          col("DateCreated", TS, _ts),
          col("UserId", G36, lambda c: "00000000-0000-0000-0000-000000000000"
              if c.rng.random() < 0.2 else G["uuid_str"](c)),
          col("LogSeverity", I, "choice", values=[2, 2, 2, 3, 4]),
          col("RowVersion", I, "int", lo=0, hi=2))
    table(md, "BaseItems", N_ITEM,
          col("Id", G36, "uuid_str", pk=True),
          col("Type", T, "choice", values=TYPES),
          col("Name", T, _item_name),
          col("Path", T, _item_path, null=0.05),
          col("CleanName", T, lambda c: c.row["Name"].lower().replace(" ", "")),
          col("SortName", T, lambda c: c.row["Name"].lower()),
          col("OriginalTitle", T, lambda c: c.row["Name"], null=0.6),
          col("Overview", T, "lorem", words=25, null=0.3),
          col("Tagline", T, "lorem", words=6, null=0.8),
          col("Genres", T, lambda c: "|".join(c.rng.sample(
              ["Drama", "Comedy", "Thriller", "Animation", "Documentary"], 2)), null=0.3),
          col("Studios", T, "choice", values=["A24", "Studio Ghibli", "BBC", "HBO"], null=0.4),
          col("Tags", T, "choice", values=["4K", "kids", "favourite"], null=0.8),
          col("ProductionYear", I, "int", lo=1950, hi=2024, null=0.2),
          col("PremiereDate", TS, datetimes(1950, 2024), null=0.3),
          col("DateCreated", TS, _ts),
          col("DateModified", TS, _ts),
          col("StartDate", TS, _ts),
          col("EndDate", TS, _ts),
          col("CommunityRating", F, lambda c: round(c.rng.uniform(4, 9), 1), null=0.3),
          col("OfficialRating", T, "choice", values=["PG-13", "R", "FSK-12", "TV-MA"],
              null=0.4),
          col("RunTimeTicks", BI, "int", lo=10**9, hi=10**11, null=0.2),
          col("IsFolder", B, "bool"),
          col("IsVirtualItem", B, lambda c: False),
          col("ParentId", G36, "uuid_str", null=0.1),
          col("PresentationUniqueKey", T, lambda c: G["token"](_p(c, n=32))))
    table(md, "Peoples", 600,
          col("ItemId", G36, fk="BaseItems.Id", pk=True),
          col("Role", S(255), "choice", values=ROLES, pk=True),
          col("ListOrder", I, "int", lo=0, hi=30, pk=True),
          col("Name", T, "full_name"),
          col("PersonType", T, "choice", values=["Actor", "Director", "Writer", "Producer",
                                                 "Composer", "GuestStar"]),
          col("SortOrder", I, "int", lo=0, hi=30, null=0.3))
    table(md, "Chapters", 200,
          col("ItemId", G36, fk="BaseItems.Id", pk=True),
          col("ChapterIndex", I, "int", lo=0, hi=20, pk=True),
          col("StartPositionTicks", BI, "int", lo=0, hi=10**10),
          col("Name", T, lambda c: f"Chapter {c.row['ChapterIndex'] + 1}"),
          col("ImagePath", T, lambda c: f"/config/data/chapters/{G['token'](_p(c, n=32))}.jpg",
              null=0.4),
          col("ImageDateModified", TS, _ts, null=0.4))
    table(md, "BaseItemProviders", 400,
          col("ItemId", G36, fk="BaseItems.Id", pk=True),
          col("ProviderId", S(255), "choice", values=["Tmdb", "Imdb", "Tvdb",
                                                      "MusicBrainzAlbum"], pk=True),
          col("ProviderValue", T, lambda c: c.rng.choice(
              [f"tt{c.rng.randint(100000, 9999999):07d}", str(c.rng.randint(100, 999999)),
               G["uuid_str"](c)])))
    table(md, "MediaStreamInfos", 400,
          col("ItemId", G36, fk="BaseItems.Id", pk=True),
          col("StreamIndex", I, "int", lo=0, hi=8, pk=True),
          col("StreamType", T, "choice", values=["Video", "Audio", "Subtitle"]),
          col("Codec", T, "choice", values=["h264", "hevc", "aac", "ac3", "subrip"]),
          col("Language", T, "choice", values=["eng", "ger", "jpn", "fre"], null=0.3),
          col("Title", T, "choice", values=["", "English", "Director's commentary",
                                            "SDH", "Stereo"]),
          col("Comment", T, "const", value=""),
          col("Path", T, lambda c: f"/media/movies/subs/{G['token'](_p(c, n=8))}.srt",
              null=0.8),
          col("BitRate", I, "int", lo=64000, hi=20000000),
          col("Height", I, "choice", values=[0, 720, 1080, 2160]),
          col("Width", I, "choice", values=[0, 1280, 1920, 3840]),
          col("IsDefault", B, "bool"))
    table(md, "UserData", 500,
          col("Key", S(255), lambda c: c.rng.choice([str(c.rng.randint(100, 99999)),
                                                     G["uuid_str"](c)]), pk=True),
          col("UserId", G36, fk="Users.Id", pk=True),
          col("BaseItemEntityId", G36, fk="BaseItems.Id", null=0.1),
          col("Rating", F, lambda c: round(c.rng.uniform(1, 10), 1), null=0.9),
          col("PlaybackPositionTicks", BI, "int", lo=0, hi=10**10),
          col("PlayCount", I, "int", lo=0, hi=12),
          col("IsFavorite", B, "bool"),
          col("LastPlayedDate", TS, _ts, null=0.3),
          col("Played", B, "bool"),
          col("AudioStreamIndex", I, "int", lo=0, hi=3, null=0.6),
          col("SubtitleStreamIndex", I, "int", lo=-1, hi=3, null=0.6),
          col("Likes", B, "bool", null=0.8))
    return md
