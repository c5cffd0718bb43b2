"""Council timescale text to date ranges: every form the Kirklees pages print."""

from datetime import date

import pytest

from loaders.timescale import DueRange, due_by, parse_day, parse_timescale


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("March 2022", date(2022, 3, 1), date(2022, 3, 31)),
        ("Winter 2021", date(2021, 12, 1), date(2022, 2, 28)),
        ("Winter 2023", date(2023, 12, 1), date(2024, 2, 29)),
        ("Spring 2022", date(2022, 3, 1), date(2022, 5, 31)),
        ("Summer 2022", date(2022, 6, 1), date(2022, 8, 31)),
        ("Autumn 2021", date(2021, 9, 1), date(2021, 11, 30)),
        ("Autumn 2021-Spring 2022", date(2021, 9, 1), date(2022, 5, 31)),
        ("Winter 2021-Summer 2022", date(2021, 12, 1), date(2022, 8, 31)),
        ("Autumn 2021-Summer 2022", date(2021, 9, 1), date(2022, 8, 31)),
        ("Winter 2021 to Spring 2022", date(2021, 12, 1), date(2022, 5, 31)),
        ("Autumn-Winter 2021", date(2021, 9, 1), date(2022, 2, 28)),
        ("Winter-Spring 2022", date(2021, 12, 1), date(2022, 5, 31)),
        ("1 January 2016", date(2016, 1, 1), date(2016, 1, 1)),
        ("September 2015", date(2015, 9, 1), date(2015, 9, 30)),
        ("December 2021", date(2021, 12, 1), date(2021, 12, 31)),
        ("November 2022.", date(2022, 11, 1), date(2022, 11, 30)),
        ("2015-18", date(2015, 1, 1), date(2018, 12, 31)),
        ("2015-2018", date(2015, 1, 1), date(2018, 12, 31)),
        ("2022-2027", date(2022, 1, 1), date(2027, 12, 31)),
    ],
)
def test_periods(text: str, start: date, end: date) -> None:
    assert parse_timescale(text) == DueRange(start=start, end=end, text=text)
    assert due_by(text) == end


@pytest.mark.parametrize(
    ("text", "month_end"),
    [("April 2022 and ongoing", date(2022, 4, 30)), ("June 2022 and ongoing", date(2022, 6, 30))],
)
def test_open_ended_is_the_month(text: str, month_end: date) -> None:
    found = parse_timescale(text)
    assert found is not None
    assert (found.start, found.end, found.open_ended) == (month_end.replace(day=1), month_end, True)
    assert found.text == text


@pytest.mark.parametrize("text", ["In progress", "Ongoing", "", "   ", "March", "31 June 2022"])
def test_no_period(text: str) -> None:
    assert parse_timescale(text) is None
    assert due_by(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "  autumn   2021 – SPRING 2022 ",
        "Autumn 2021 — Spring 2022",
        "autumn 2021 to spring 2022.",
    ],
)
def test_case_spaces_and_dashes(text: str) -> None:
    found = parse_timescale(text)
    assert found is not None
    assert (found.start, found.end, found.text) == (date(2021, 9, 1), date(2022, 5, 31), text)


def test_labelled_milestones_span_first_to_last() -> None:
    text = "Let contract - January 2022. Deliver interim fire safety measures - March 2022."
    found = parse_timescale(text)
    assert found is not None
    assert (found.start, found.end) == (date(2022, 1, 1), date(2022, 3, 31))


def test_parse_day() -> None:
    assert parse_day("Friday 18th March 2016") == date(2016, 3, 18)
    assert parse_day("10th December 2015") == date(2015, 12, 10)
    assert parse_day("March 2016") is None
    assert parse_day("31st June 2016") is None
