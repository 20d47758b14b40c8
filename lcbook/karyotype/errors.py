"""The errors a karyotype can raise, their stable codes, and the text being read (for positions and warnings)."""
from __future__ import annotations

from lcbook.errors import FriendlyError

__all__ = ["ERROR_CODES", "KaryotypeError", "Source"]

#: Every KaryotypeError.code the parser can raise.
ERROR_CODES: frozenset[str] = frozenset({
    "EMPTY",                  # nothing but whitespace
    "TOO_LONG",               # more than MAX_LENGTH characters
    "UNEXPECTED_CHARACTER",   # a character that never appears in ISCN
    "UNSUPPORTED_NOTATION",   # valid ISCN beyond this parser: ?, ::, <2n>, breakpoint ranges q21~q23
    "UNBALANCED_PARENTHESES",  # a ( without ) or a ) without (
    "NESTED_PARENTHESES",     # a ( inside another ( )
    "EMPTY_FIELD",            # nothing between two commas or slashes, or a trailing comma
    "MISSING_COMMA",          # two fields run together: 46,XY+21 or +8+21
    "MISSING_COUNT",          # does not start with the chromosome number
    "COUNT_OUT_OF_RANGE",     # 0, or above 103 (beyond near-tetraploid)
    "MISSING_SEX_CHROMOSOMES",  # no sex-chromosome field after the count
    "BAD_SEX_CHROMOSOMES",    # a sex-chromosome field with letters other than X and Y
    "COUNT_MISMATCH",         # the count does not match the listed changes
    "NOT_ENOUGH_COPIES",      # more copies of a chromosome removed than the cell has
    "MISSING_SIGN",           # a chromosome number without + or -
    "UNKNOWN_CHROMOSOME",     # not 1-22, X or Y
    "UNKNOWN_ABNORMALITY",    # not an ISCN abbreviation (or written in capitals)
    "UNSUPPORTED_ABNORMALITY",  # ISCN, but not handled here (dic, ins, -mar ...)
    "WRONG_CHROMOSOME_COUNT",  # t() with one chromosome, del() with two ...
    "MISSING_SEMICOLON",      # chromosomes or breakpoints not separated by ;
    "WRONG_BREAKPOINT_COUNT",  # too few or too many breakpoints for the change
    "BAD_BAND",               # text where a band name should be (pter, Q22, 22q)
    "UNKNOWN_BAND",           # a well-formed band that the chromosome does not have (21q23)
    "CENTROMERE_NOT_ALLOWED",  # p10/q10 in a change that cannot break at the centromere
    "NEEDS_CENTROMERE",       # i(), rob() and der(A;B) break at the centromere (p10/q10)
    "ROB_NOT_ACROCENTRIC",    # rob() between chromosomes that are not 13, 14, 15, 21, 22
    "INCOMPLETE_DERIVATIVE",  # der(22) without the rearrangement that made it
    "DERIVATIVE_MISMATCH",    # der(22)t(8;21): the rearrangement does not involve 22
    "BAD_CELL_COUNT",         # a malformed [n]
    "BAD_MOSAIC",             # mos/chi with a single cell line
    "BAD_COUNT_RANGE",        # a malformed count range: 48~45, 46~46, 45~, 45~46~47
    "BAD_CONSTITUTIONAL",     # the constitutional c misused: +21C, +21cc, in one cell line but not another
    "BAD_CLONE_REFERENCE",    # idem, sl or sdl in the first line, an sdl with no sideline before it ...
    "SYNTAX",                 # anything else that cannot be read
})


class KaryotypeError(FriendlyError):
    """A karyotype that could not be read: a stable .code, .position (0-based index or None), a message."""

    def __init__(self, code: str, message: str, position: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.position = position


class Source:
    """The text being read: its cleaned form, where each cleaned character came from, and the warnings so far."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.s = ""
        self.map: list[int] = []
        self.warnings: list[str] = []

    def fail(self, code: str, message: str, pos: int | None) -> KaryotypeError:
        """The error to raise at a position of the cleaned text (reported as a position of the input)."""
        if pos is not None:
            pos = self.map[pos] if pos < len(self.map) else len(self.text)
        return KaryotypeError(code, message, pos)

    def warn(self, message: str) -> None:
        """Note something that was accepted but normalized (each message once)."""
        if message not in self.warnings:
            self.warnings.append(message)
