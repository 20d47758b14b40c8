"""Wording helpers for messages and descriptions: numbers in words, plurals, lists, quoting the input."""
from __future__ import annotations

import unicodedata

_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_PLOIDY_NAME = {1: "haploid", 2: "diploid", 3: "triploid", 4: "tetraploid"}


def _quote(text: str, limit: int = 24) -> str:
    """Echo a piece of the input in a message, shortened if long."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _number(n: int) -> str:
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


def _plural(n: int, singular: str, plural: str | None = None) -> str:
    return f"{_number(n)} {singular if n == 1 else (plural or singular + 's')}"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _describe_char(c: str) -> str:
    if c.isascii() and c.isprintable() and c not in "<>&\"'":
        return f"'{c}'"
    name = unicodedata.name(c, "")
    code = f"U+{ord(c):04X}"
    return f"{code} ({name.lower()})" if name else code

