"""Council timescales ("Winter 2021 to Spring 2022") read as date ranges, keeping the text.

Plans print due dates as free text, but "what is overdue" needs dates. Text that names no
period ("Ongoing", "In progress") gets no range rather than a guessed one.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class DueRange:
    """The period a timescale names; `text` is kept so the printed wording is never lost."""

    start: date
    end: date
    text: str
    open_ended: bool = False


Span = tuple[date, date]

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
# Meteorological seasons: the month each starts; each lasts three months.
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_WEEKDAY = re.compile(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+")
_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)(?:\s+(\d{4}))?$")
_NAMED = re.compile(r"^([a-z]+)(?:\s+(\d{4}))?$")
_YEAR = re.compile(r"^(\d{4})$")
_YEARS = re.compile(r"^(\d{4})\s*-\s*(\d{4}|\d{2})$")
_RANGE_SEPARATOR = re.compile(r"\s*(?:-|\bto\b|\buntil\b)\s*")
_OPEN_ENDED = re.compile(r"^(.*?)\s*(?:(?:and|&|-)\s*)?(?:ongoing|onwards)$")
_SEGMENT = re.compile(r"[.;]\s*")
_LABEL = re.compile(r"\s+-\s+|:\s*")


@dataclass(frozen=True)
class _Point:
    """One end of a range: `months` months from `month`, or one `day` of that month.

    The year may be missing, to be borrowed from the other end ("Autumn-Winter 2021").
    """

    year: int | None
    month: int = 1
    months: int = 12
    day: int | None = None

    def span(self, year: int) -> Span:
        if self.day is not None:
            day = date(year, self.month, self.day)
            return day, day
        return _months(year, self.month, self.months)


def _months(year: int, month: int, count: int) -> Span:
    last_year, last_month = divmod(month - 1 + count - 1, 12)
    last_year, last_month = year + last_year, last_month + 1
    last_day = calendar.monthrange(last_year, last_month)[1]
    return date(year, month, 1), date(last_year, last_month, last_day)


def _month(word: str) -> int | None:
    """Month number for a full or abbreviated name ("sept", "jan")."""
    if word in _MONTHS:
        return _MONTHS[word]
    if len(word) >= 3:
        for name, number in _MONTHS.items():
            if name.startswith(word):
                return number
    return None


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _point(text: str) -> _Point | None:
    if match := _YEAR.match(text):
        return _Point(int(match[1]))
    if match := _DAY.match(text):
        month = _month(match[2])
        return _Point(_year(match[3]), month, 1, int(match[1])) if month else None
    if match := _NAMED.match(text):
        if match[1] in _SEASONS:
            return _Point(_year(match[2]), _SEASONS[match[1]], 3)
        month = _month(match[1])
        return _Point(_year(match[2]), month, 1) if month else None
    return None


def _range(text: str) -> Span | None:
    """A single period or `first - last`, where one end may borrow the other's year."""
    try:
        return _checked_range(text)
    except ValueError:  # a day the month does not have: "31 June 2022"
        return None


def _checked_range(text: str) -> Span | None:
    if match := _YEARS.match(text):
        since = int(match[1])
        until = int(match[2]) if len(match[2]) == 4 else since // 100 * 100 + int(match[2])
        return (date(since, 1, 1), date(until, 12, 31)) if until >= since else None
    parts = _RANGE_SEPARATOR.split(text, maxsplit=1)
    points = [point for point in map(_point, parts) if point]
    if len(points) != len(parts):
        return None
    start, end = points[0], points[-1]
    start_year = start.year if start.year is not None else end.year
    end_year = end.year if end.year is not None else start_year
    if start_year is None or end_year is None:
        return None
    if start.year is None and start.span(start_year)[0] > end.span(end_year)[0]:
        start_year -= 1
    if end.year is None and end.span(end_year)[0] < start.span(start_year)[0]:
        end_year += 1
    first, last = start.span(start_year)[0], end.span(end_year)[1]
    return (first, last) if first <= last else None


def _labelled(text: str) -> Span | None:
    """A period, or one printed after a label ("Let contract - January 2022")."""
    return _range(text) or _range(_LABEL.split(text)[-1])


def _normalise(text: str) -> str:
    text = text.casefold().replace("–", "-").replace("—", "-").replace(",", " ")
    return " ".join(text.split()).rstrip(". ")


def parse_timescale(text: str) -> DueRange | None:
    """The date range a printed timescale names, or None when it names no period.

    Several labelled milestones ("Let contract - January 2022. Deliver ... - March 2022")
    span from the first to the last.
    """
    normal = _normalise(text)
    open_ended = False
    if match := _OPEN_ENDED.match(normal):
        normal, open_ended = match[1], True
    if not normal:
        return None
    span = _range(normal)
    if span is None:
        segments = [segment for segment in _SEGMENT.split(normal) if segment]
        spans = [found for found in map(_labelled, segments) if found]
        if not spans or len(spans) != len(segments):
            return None
        span = min(start for start, _ in spans), max(end for _, end in spans)
    return DueRange(start=span[0], end=span[1], text=text, open_ended=open_ended)


def due_by(text: str) -> date | None:
    """The last day a timescale allows, for overdue checks."""
    found = parse_timescale(text)
    return found.end if found else None


def parse_day(text: str) -> date | None:
    """A single printed day, weekday optional: "Friday 18th March 2016"."""
    normal = _WEEKDAY.sub("", _normalise(text))
    match = _DAY.match(normal)
    span = _range(normal) if match and match[3] else None
    return span[0] if span else None
