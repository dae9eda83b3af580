"""Links as a reader sees them: `Fotos`, `Video` or the site's domain, never a long URL.

Textual-free: the reading pane and the links menu both use `short_link`.
"""

from __future__ import annotations

from urllib.parse import urlsplit

# Labels as bulletins write them -> as shown.
_KNOWN = {"fotos": "Fotos", "foto": "Foto", "video": "Video", "vídeo": "Video", "audio": "Audio"}


def domain(url: str) -> str:
    """`https://www.imss.gob.mx/prensa/x` -> `imss.gob.mx`; the URL cut when it has none."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        host = ""
    host = host.removeprefix("www.")
    return host or url.strip()[:40]


def short_link(label: str, url: str) -> str:
    """`Fotos (drive.google.com)` for a known label, `Enlace (imss.gob.mx)` otherwise; the
    label as written when it is a short word or two."""
    site = domain(url)
    name = (label or "").strip().rstrip(":").strip()
    known = _KNOWN.get(name.casefold())
    if known:
        return f"{known} ({site})"
    if name and len(name) <= 30 and "://" not in name:
        return f"{name[:1].upper()}{name[1:]} ({site})"
    return site
