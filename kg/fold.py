"""Folding text for comparison: diacritics stripped, Greek and Cyrillic in Latin letters, and the
character tables that do it fast. A module of its own, importing nothing of kg, so that the light
commands (``kg query``, ``kg serve``) get it without the build's modules."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_FOLD = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "œ": "oe", "Œ": "OE",
                       "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
                       "ı": "i", "ə": "e", "Ə": "E", "ɛ": "e", "Ɛ": "E", "ɔ": "o", "Ɔ": "O", "ŋ": "ng", "Ŋ": "Ng",
                       "ƙ": "k", "Ƙ": "K", "ɗ": "d", "Ɗ": "D", "ɓ": "b", "Ɓ": "B", "ħ": "h", "Ħ": "H", "ŧ": "t",
                       "Ŧ": "T"})
"""Latin letters NFKD does not decompose: Azerbaijani's ə, the ɛ and ɔ of Akan and Ewe, Hausa's hooked
letters, Maltese ħ, Sami ŧ (without this table, "Şəhər" would fold to "s h r")."""
_FEW = 24
"""Up to this many distinct characters beyond ASCII, :meth:`CharTable.translate` replaces them one by one."""


class CharTable(dict):
    """A ``str.translate`` table computed character by character as texts meet them: ``fn`` runs once
    per distinct character per process, never once per occurrence, and a long text is one pass in C.
    Exact for any per-character ``fn`` (NFKD, case folding and the marks they drop are per character)."""

    def __init__(self, fn: Callable[[str], str]) -> None:
        super().__init__()
        self._fn = fn
        ascii_out = [fn(chr(code)) for code in range(128)]
        self._bytes = (bytes(ord(out) for out in ascii_out) + bytes(range(128, 256))
                       if all(len(out) == 1 and out.isascii() and fn(out) == out for out in ascii_out) else None)
        """The table for ASCII as ``bytes.translate`` takes it, when ``fn`` maps each ASCII character to one
        it keeps as it is (so that what the runs beyond ASCII become may go through it again)."""

    def __missing__(self, code: int) -> str:
        out = self._fn(chr(code))
        if len(self) < 65536:  # a hostile text of every code point does not grow it without end
            self[code] = out
        return out

    def translate(self, text: str) -> str:
        """``text.translate(self)``, faster: ``str.translate`` leaves its fast path for good at a text's
        first character beyond ASCII, so the few such characters a text holds (å, ö, é …) are replaced
        one by one and the rest goes through ``bytes.translate``."""
        if self._bytes is None:
            return text.translate(self)
        if not text.isascii():
            beyond = [char for char in set(text) if char > "\x7f"]
            if len(beyond) > _FEW:  # Greek, Cyrillic, a hostile text: the table's own pass
                return text.translate(self)
            outs = [self[ord(char)] for char in beyond]
            if not all(out.isascii() for out in outs):  # letters no table makes ASCII (中文)
                return text.translate(self)
            for char, out in zip(beyond, outs, strict=True):
                text = text.replace(char, out)
        return text.encode("ascii").translate(self._bytes).decode("ascii")

    def words(self, text: str) -> str:
        """The text translated, its runs of white space made single spaces, none at the ends."""
        return " ".join(self.translate(text).split())


#: Ukrainian letters as Ukraine's national system writes them (KMU 2010: Київ → Kyiv, Львів → Lviv, Харків →
#: Kharkiv), where a Russian-centred transliteration would not ("Kiiv"); the other Cyrillic and all Greek
#: letters as anyascii writes them (Αθήνα → Athina, Θεσσαλονίκη → Thessaloniki).
_UKRAINIAN = {"и": "y", "і": "i", "ї": "i", "й": "i", "г": "h", "ґ": "g", "є": "ie", "ю": "iu", "я": "ia", "х": "kh",
              "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ж": "zh", "ь": "", "ъ": "", "ʼ": "", "’": "'"}


_ROMANISED = ((0x370, 0x52F), (0x1F00, 0x1FFF),  # Greek, Cyrillic
              (0x530, 0x58F),  # Armenian
              (0x900, 0xDFF),  # the Indic scripts: Devanagari, Bengali, Gurmukhi, Gujarati, Odia, Tamil, Telugu,
              #                  Kannada, Malayalam, Sinhala
              (0x10A0, 0x10FF), (0x1C90, 0x1CBF))  # Georgian
"""The scripts whose letters :func:`latin` writes in Latin ones. Not Hebrew and Arabic (no vowels written:
their names would meet nobody's), nor the scripts written without spaces (Thai, CJK: searched as they are)."""


def latin(char: str) -> str:
    """One letter of a script of :data:`_ROMANISED` in Latin letters (case kept); any other character
    unchanged. For comparing names across scripts ("Δήμος Αθηναίων" / "City of Athens", "पुणे" / "Pune",
    "თბილისის" / "Tbilisis"), never for IRIs. An Indic vowel sign or virama is a letter's part, not a
    break: "पुणे" is one word, "pune"."""
    code = ord(char)
    if not any(low <= code <= high for low, high in _ROMANISED):
        return char
    lower = char.lower()
    if lower in _UKRAINIAN:
        out = _UKRAINIAN[lower]
    else:
        from anyascii import anyascii

        out = anyascii(lower).replace("'", "")  # Armenian's aspirates, Bengali's য়: marks, not breaks
    return out.capitalize() if char != lower else out


def ascii_fold(text: str) -> str:
    """Strip diacritics: ``Göteborgs`` → ``Goteborgs``, ``Tromsø`` → ``Tromso``.

    NFKD decomposes character by character and the marks it yields are dropped, so each
    character folds on its own: a long text is one ``str.translate`` over a table that
    remembers every character met."""
    if text.isascii():
        return text
    return text.translate(_ASCII)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_ASCII = CharTable(_fold)


CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
"""Kana, Han (CJK ideographs) and Hangul: scripts written without spaces between words."""
KANA = re.compile(r"[\u3040-\u30ff]")
HANGUL = re.compile(r"[\uac00-\ud7af]")
_VARIANTS = str.maketrans({"臺": "台", "灣": "湾"})
"""Variant characters of one name ("臺北" / "台北"), made one for comparison."""


UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
                      r"\u0e00-\u0e7f\u0e80-\u0eff\u1780-\u17ff\u1000-\u109f]")
"""Scripts whose texts run a name into the words around it: CJK, and Thai, Lao, Khmer, Burmese."""


CASELESS_WORD = re.compile(r"[\u10d0-\u10ff\u0900-\u0dff]+")
"""A word of a script without capitals: Georgian, or an Indic script (its vowel signs and viramas within)."""


def caseless(word: str) -> bool:
    """Whether ``word`` starts with a letter of a script without capitals (so it is never "capitalised")."""
    return CASELESS_WORD.match(word) is not None


def has_unspaced(text: str) -> bool:
    """Whether ``text`` holds letters of a script written without spaces between words."""
    return UNSPACED.search(text) is not None


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds Chinese, Japanese or Korean letters."""
    return CJK.search(text) is not None


def cjk_key(text: str) -> str:
    """A CJK name for comparison: NFC, without spaces, variant characters made one."""
    return "".join(unicodedata.normalize("NFC", text).split()).translate(_VARIANTS)
