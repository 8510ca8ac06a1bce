"""Posts do not share personal data such as card or phone numbers

## What it checks

Looks for personal data that social media policies forbid sharing: payment card numbers (checked with
the Luhn checksum and the card schemes' number ranges), bank account numbers in IBAN form (checked with
their country length and mod-97 checksum), UK National Insurance numbers, US Social Security numbers,
email addresses and phone numbers. The finding says which kind of data it found and marks it, but never
repeats the value.

Cards, IBANs, National Insurance and Social Security numbers are errors. Email addresses and phone
numbers are warnings, because an organisation's own public contact details are fine to post. These are
never flagged:

- role addresses that reach a team, not a person (`hello@`, `info@`, `press@`, `support@`, the RFC 2142
  mailboxes and similar);
- freephone, shared-cost, premium-rate and UK 03 numbers (`0800`, `0808`, `1-800`, `0300`), which only
  organisations hold;
- numbers that are not valid in the phone numbering plan (dates, prices, years, order numbers, ISBNs,
  version numbers, and the Ofcom range kept for drama, `07700 900xxx`);
- an email address or phone number that "us" or "our" introduces ("call us on", "our number is",
  "email our team at"): the writer is giving the organisation's own details. "Ring our client Priya
  on …" is still flagged: "our" must introduce the number itself, not a person;
- a run of digits with no spaces, dashes or brackets, unless a word like "call" or "text" comes just
  before it, and any card or phone number just after a word like "order", "ticket", "ref" or "ISBN";
- decimals (`6.069958347`), counts in groups of three (`1 234 567 890`) and image file names (`icon@2x.png`);
- Social Security numbers the SSA never issues (area 000, 666 or 900–999, group 00, serial 0000);
- anything inside a link (other than a `mailto:` address), a hashtag, or a fediverse handle
  (`@user@instance` is a mention, not an email address).

## Why it matters

Social media policies forbid posting customers' personal data. A card number, a bank account or a
phone number in a public post can be copied and misused within minutes, and deleting the post later
does not undo it. Posting it can also break data protection law.

## Example

```text
Thanks Jane, we have refunded card 4111 1111 1111 1111. Any problems, call her back on 07911 123456.
```

## Use instead

```text
Thanks Jane, we have sent your refund. Any problems, call our helpline on 0808 800 0000 or email hello@example.org.
```

## Options

`allow`: the organisation's own public email addresses (`press@example.org`), email domains
(`@example.org`) and phone numbers in any format (`+44 20 7946 0018`); these are never flagged.
`phone_regions`: the regions whose national phone formats are read when a number has no `+` or `00`
prefix (default `["US", "GB"]`). `flag_public_contacts`: also flag role addresses, freephone or
shared-cost numbers, and contact details introduced by "us" or "our" (default `false`).

## Fix

No automatic fix: remove the data from the post, and move the conversation to a private channel.

## References

- https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/personal-information-what-is-it/what-is-personal-data/what-is-personal-data/
- https://www.gov.uk/hmrc-internal-manuals/national-insurance-manual/nim39110
- https://www.ssa.gov/employer/randomization.html
- https://www.swift.com/standards/data-standards/iban-international-bank-account-number
- https://www.rfc-editor.org/rfc/rfc2142
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar

from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext

if TYPE_CHECKING:
    from phonenumbers import PhoneNumber

# Cheap early exits: a run of six digits (with at most two separators between digits), or an "@".
_NUMBERISH = re.compile(r"[0-9](?:[ ().\-]{0,2}[0-9]){5}")

# Payment cards: 12-19 digits, either unbroken or in groups joined by one space or one dash.
_CARD = re.compile(r"(?<![\w.,+/#@:\-])[0-9]{4}(?:[0-9]{8,15}|(?:([ \-])[0-9]{1,6})+)(?![\w/@]|[.,:\-][0-9])")

# IBAN: country code and check digits, then the account in groups of four (or unbroken).
_IBAN_START = re.compile(r"(?<![\w.\-/])[A-Z]{2}[0-9]{2}(?=[ ]?[A-Z0-9]{4})")

# UK National Insurance number (HMRC NIM39110): first letter not D, F, I, Q, U, V; second letter not
# D, F, I, O, Q, U, V; prefixes BG, GB, NK, KN, TN, NT and ZZ are never allocated; suffix A-D.
_NINO = re.compile(
    r"(?<![\w\-])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
    r"(?:[0-9]{6}|[ ][0-9]{2}[ ][0-9]{2}[ ][0-9]{2}[ ]?)[A-D](?![\w\-])"
)

# US Social Security number, written 3-2-4 with dashes or spaces; the SSA never issues area 000, 666 or
# 900-999, group 00 or serial 0000.
_SSN = re.compile(
    r"(?<![\w.,+/#@\-])(?!000|666|9)[0-9]{3}([\- ])(?!00)[0-9]{2}\1(?!0000)[0-9]{4}(?![\w/@]|[.,:\-][0-9])"
)

# Email addresses (ASCII): a local part, "@", and a domain with a top-level domain of letters.
_EMAIL = re.compile(
    r"(?<![\w.+\-@%])[A-Za-z0-9](?:[A-Za-z0-9._%+\-]*[A-Za-z0-9_%+\-])?"
    r"@((?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24})(?![\w@]|[.\-][A-Za-z0-9])"
)

# Phone numbers: an optional "+", then chunks of digits (in brackets or not) joined by at most one space,
# dash or dot. Possessive quantifiers keep this linear on long digit runs; chunk sizes are checked after.
_PHONE = re.compile(
    r"(?<![\w.,+/#@:%$£€\-])(?:\+[ ]?)?\(?[0-9]++\)?(?:[ \-.]?\(?[0-9]++\)?){0,8}+(?![\w/@%]|[.,:\-][0-9])"
)
_CHUNK = re.compile(r"[0-9]+")
_SEPARATOR = re.compile(r"[ \-.()]")
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:([ .])[0-9]{3})(?:\1[0-9]{3})+")
# Each phone lookup costs ~70 µs; a draft with more candidates than this is a list of numbers.
_MAX_LOOKUPS = 6
# "Call us on …", "email our team at …": the writer is giving the organisation's own contact details.
# The last "us"/"our" of the sentence before the number, and the words after it ("US" is a country).
_OWN_CONTACT = re.compile(
    r"\b(?:(us|Us)|[Oo]ur)\b((?:(?!\b(?:[Uu]s|[Oo]ur)\b)(?:[^.!?\n]|[.!?](?=\S))){0,60})$"
)
_TAIL_WORD = re.compile(r"[^\s,;:()\-–—]+")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[^A-Za-z0-9\n]{0,3}$")


@register
class PersonalData(Rule):
    id = "personal-data"
    category = Category.POLICY
    severity = Severity.ERROR
    summary = "Posts do not share personal data such as card or phone numbers"
    messages: ClassVar = {
        "card": "This looks like a payment card number. Never post card details: remove it.",
        "iban": "This looks like a bank account number. Never post bank details: remove it.",
        "ni-number": "This looks like a National Insurance number. Never post it: remove it.",
        "ssn": "This looks like a Social Security number. Never post it: remove it.",
        "email": "This looks like an email address. Unless it is your own public address, remove it.",
        "phone": "This looks like a phone number. Unless it is your own public number, remove it.",
    }
    tags = frozenset({"privacy"})
    references = (
        "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/personal-information-what-is-it/what-is-personal-data/what-is-personal-data/",
        "https://www.gov.uk/hmrc-internal-manuals/national-insurance-manual/nim39110",
        "https://www.ssa.gov/employer/randomization.html",
        "https://www.swift.com/standards/data-standards/iban-international-bank-account-number",
        "https://www.rfc-editor.org/rfc/rfc2142",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        prose = draft.parsed.prose
        has_at = "@" in prose
        has_number = _NUMBERISH.search(prose) is not None
        if not has_at and not has_number:
            return
        # The spans reported so far never overlap, so sorted by start their ends are sorted too: only the
        # one starting last before *end* can overlap a new span (a scan of them all was quadratic).
        taken_starts: list[int] = []
        taken_ends: list[int] = []

        def report(kind: str, start: int, end: int, severity: Severity | None = None) -> None:
            i = bisect_left(taken_starts, end)
            if i and taken_ends[i - 1] > start:
                return
            taken_starts.insert(i, start)
            taken_ends.insert(i, end)
            ctx.report(kind, start, end, severity=severity)

        public = bool(ctx.options["flag_public_contacts"])
        allow = _allowed(tuple(ctx.options["allow"]))
        if has_number:
            for start, end in _cards(prose):
                if _word_before(prose, start) not in _not_after():
                    report("card", start, end)
            for start, end in _ibans(prose):
                report("iban", start, end)
            for m in _NINO.finditer(prose):
                report("ni-number", m.start(), m.end())
            voided = _ssn_voided()
            for m in _SSN.finditer(prose):
                if _digits(m.group()) not in voided:
                    report("ssn", m.start(), m.end())
        if has_at:
            roles = _role_mailboxes()
            for m in _EMAIL.finditer(prose):
                address = m.group().lower()
                local = address.partition("@")[0]
                domain = m.group(1).lower()
                if address in allow or "@" + domain in allow or domain.rpartition(".")[2] in _file_types():
                    continue  # icon@2x.png is a file name
                if not public and (local in roles or local.partition("+")[0] in roles or _own(prose, m.start())):
                    continue
                report("email", m.start(), m.end(), Severity.WARNING)
        if has_number:
            regions = tuple(ctx.options["phone_regions"])
            for start, end in _phones(prose, regions, allow, public):
                report("phone", start, end, Severity.WARNING)


# -- payment cards ------------------------------------------------------------------------------


def _cards(prose: str) -> Iterator[tuple[int, int]]:
    groupings = _card_groupings()
    for m in _CARD.finditer(prose):
        text = m.group()
        sep = m.group(1)
        if sep is not None:
            parts = text.split(sep)
            if any(not p.isdigit() for p in parts) or tuple(len(p) for p in parts) not in groupings:
                continue
            digits = "".join(parts)
        else:
            digits = text
        if _card_scheme_matches(digits) and _luhn(digits):
            yield m.start(), m.end()


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _card_scheme_matches(digits: str) -> bool:
    for first, last, shortest, longest in _card_ranges():
        prefix = digits[: len(first)]
        if first <= prefix <= last and shortest <= len(digits) <= longest:
            return True
    return False


@cache
def _card_ranges() -> tuple[tuple[str, str, int, int], ...]:
    rows: Sequence[Sequence[Any]] = PersonalData.data["cards"]["ranges"]
    return tuple((str(r[0]), str(r[1]), int(r[2]), int(r[3])) for r in rows)


@cache
def _card_groupings() -> frozenset[tuple[int, ...]]:
    return frozenset(tuple(g) for g in PersonalData.data["cards"]["groupings"])


# -- IBAN ---------------------------------------------------------------------------------------


def _ibans(prose: str) -> Iterator[tuple[int, int]]:
    lengths: Mapping[str, int] = PersonalData.data["iban_lengths"]
    for m in _IBAN_START.finditer(prose):
        length = lengths.get(m.group()[:2])
        if length is None:
            continue
        chars = [*m.group()]
        pos = m.end()
        spaced = pos < len(prose) and prose[pos] == " "
        while len(chars) < length and pos < len(prose):
            ch = prose[pos]
            if ch == " " and spaced and len(chars) % 4 == 0:
                pos += 1
                continue
            if not ("A" <= ch <= "Z" or "0" <= ch <= "9"):
                break
            chars.append(ch)
            pos += 1
        if len(chars) != length or (pos < len(prose) and prose[pos].isalnum()):
            continue
        if _iban_checksum_ok("".join(chars)):
            yield m.start(), pos


def _iban_checksum_ok(iban: str) -> bool:
    moved = iban[4:] + iban[:4]
    number = "".join(str(int(ch, 36)) for ch in moved)
    return int(number) % 97 == 1


# -- Social Security numbers --------------------------------------------------------------------


@cache
def _ssn_voided() -> frozenset[str]:
    return frozenset(PersonalData.data["ssn"]["voided"])


def _digits(text: str) -> str:
    return "".join(ch for ch in text if "0" <= ch <= "9")


# -- email --------------------------------------------------------------------------------------


@cache
def _role_mailboxes() -> frozenset[str]:
    return frozenset(PersonalData.data["email"]["role_mailboxes"])


@cache
def _file_types() -> frozenset[str]:
    return frozenset(PersonalData.data["email"]["file_extensions"])


@cache
def _allowed(entries: tuple[str, ...]) -> frozenset[str]:
    """The allowed contacts: lower-cased emails and domains, and phone numbers as bare digits."""
    out: set[str] = set()
    for entry in entries:
        entry = entry.strip()
        if "@" in entry:
            out.add(entry.lower())
        elif entry:
            out.add(_digits(entry))
    return frozenset(out)


# -- phone numbers ------------------------------------------------------------------------------


def _phones(
    prose: str, regions: tuple[str, ...], allow: frozenset[str], public: bool
) -> Iterator[tuple[int, int]]:
    phone = PersonalData.data["phone"]
    min_digits = int(phone["min_national_digits"])
    looked_up = 0
    for m in _PHONE.finditer(prose):
        text = m.group()
        digits = _digits(text)
        if len(digits) > 17 or sum(1 for chunk in _CHUNK.findall(text) if len(chunk) == 1) > 1:
            continue  # "1 2 3 4 5 6 7 8 9" is a list, not a phone number
        international = text.startswith("+")
        if not international and digits.startswith("00"):
            international, digits = True, digits[2:]
        if not 8 <= len(digits) <= 15 or (not international and len(digits) < min_digits):
            continue
        before = _word_before(prose, m.start())
        if before in _not_after() or (not public and _own(prose, m.start())):
            continue
        bare = _SEPARATOR.search(text) is None
        if bare and not international and before not in _cue_words():
            continue
        if text.count(".") == 1:
            continue  # 6.069958347 is a decimal number
        if not international and _THOUSANDS.fullmatch(text):
            continue  # 1 234 567 890 is a count, not a phone number
        looked_up += 1
        if looked_up > _MAX_LOOKUPS:
            return  # a table of numbers, not a post with a phone number in it
        if not _is_valid_phone(digits, international, regions, public, allow):
            continue
        yield m.start(), m.end()


def _own(prose: str, pos: int) -> bool:
    """Whether "us" or "our" introduces the number or address at *pos*: "call us on", "our office:".

    After "us" only linking words ("on", "at", "by phone on") or other numbers may follow; after
    "our", the last word before the number names a contact ("our number is", "email our team at"),
    not a person ("ring our client Priya on" gives a customer's number).
    """
    m = _OWN_CONTACT.search(prose, max(0, pos - 80), pos)
    if m is None:
        return False
    links = _own_links()
    words = [w.lower() for w in _TAIL_WORD.findall(m.group(2))]
    while words and (words[-1] in links or "@" in words[-1] or any(ch.isdigit() for ch in words[-1])):
        words.pop()
    if m.group(1) is not None:
        return not words
    return 1 <= len(words) <= 4 and words[-1] in _own_nouns()


@cache
def _own_links() -> frozenset[str]:
    return frozenset(PersonalData.data["own_contact"]["links"])


@cache
def _own_nouns() -> frozenset[str]:
    return frozenset(PersonalData.data["own_contact"]["nouns"])


def _word_before(prose: str, pos: int) -> str:
    m = _WORD_BEFORE.search(prose, max(0, pos - 30), pos)
    return m.group(1).lower() if m else ""


@cache
def _cue_words() -> frozenset[str]:
    return frozenset(PersonalData.data["phone"]["cue_words"])


@cache
def _not_after() -> frozenset[str]:
    return frozenset(PersonalData.data["phone"]["not_after"])


def _is_valid_phone(
    digits: str, international: bool, regions: tuple[str, ...], public: bool, allow: frozenset[str]
) -> bool:
    # Imported only when a draft has a phone-like number: loading the numbering plans takes ~15 ms.
    import phonenumbers

    service_types = frozenset(PersonalData.data["phone"]["service_types"])
    tries = [("+" + digits, None)] if international else [(digits, region) for region in regions]
    for number, region in tries:
        try:
            parsed = phonenumbers.parse(number, region)
        except phonenumbers.NumberParseException:
            continue
        if not phonenumbers.is_valid_number(parsed):
            continue
        if region is not None and not _written_nationally(parsed, digits):
            continue
        national = phonenumbers.national_significant_number(parsed)
        if _is_allowed_number(allow, f"{parsed.country_code}{national}", national):
            return False
        return public or int(phonenumbers.number_type(parsed)) not in service_types
    return False


def _written_nationally(parsed: PhoneNumber, digits: str) -> bool:
    """Whether *digits* are the number as dialled in its country (with the trunk 0 where there is one).

    ``phonenumbers`` also accepts a UK number without its leading 0 ("1234567890"), which is how
    order numbers and counts look; a number written in national form must keep its trunk prefix.
    """
    import phonenumbers

    national = _digits(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL))
    if digits == national:
        return True
    return bool(parsed.country_code == 1 and digits == "1" + national)


def _is_allowed_number(allow: frozenset[str], e164: str, national: str) -> bool:
    """Whether an allowed number (written internationally, or nationally with or without a trunk 0) matches."""
    return any(a in (e164, national) or a.lstrip("0") == national for a in allow if "@" not in a)
