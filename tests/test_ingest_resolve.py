"""Names resolve to exactly one record, or the doubt is reported (loaders/ingest/resolve)."""

from __future__ import annotations

from loaders.ingest.resolve import Bodies, Known, People


def people(*known: tuple[str, str]) -> People:
    index = People()
    for person_id, name in known:
        index.add(Known(person_id, name))
    return index


def test_a_person_is_the_same_under_honorifics_initials_and_surname_alone() -> None:
    index = people(("person/masood-ahmed", "Masood Ahmed"), ("person/jo-lee", "Jo Lee"))
    for spelling in ("Councillor Masood Ahmed", "Cllr Ahmed", "M Ahmed", "masood ahmed."):
        assert index.resolve(spelling).id == "person/masood-ahmed", spelling
    assert index.resolve("Cllr Ahmed").doubt is None


def test_a_name_that_fits_several_people_is_reported_not_guessed() -> None:
    index = people(("person/masood-ahmed", "Masood Ahmed"), ("person/mary-ahmed", "Mary Ahmed"))
    resolution = index.resolve("Cllr Ahmed")
    assert resolution.id is None
    assert resolution.doubt and "person/masood-ahmed" in resolution.doubt
    assert index.resolve("M Ahmed").id is None  # both are M
    assert index.resolve("Mary Ahmed").id == "person/mary-ahmed"


def test_other_people_with_other_names_are_new() -> None:
    index = people(("person/masood-ahmed", "Masood Ahmed"))
    assert index.resolve("Jane Smith") == index.resolve("Ann Ahmedi")
    assert index.resolve("Jane Smith").id is None
    assert index.resolve("J Ahmed").id is None  # another initial


def test_a_body_is_the_same_under_case_initials_and_small_slips() -> None:
    bodies = Bodies()
    bodies.add(Known("body/csp", "Community Safety Partnership", ["Safer Arun Partnership"]))
    bodies.add(Known("body/hwb", "Health and Wellbeing Board"))
    assert bodies.resolve("COMMUNITY SAFETY PARTNERSHIP").id == "body/csp"
    assert bodies.resolve("CSP").id == "body/csp"
    assert bodies.resolve("Health & Wellbeing Board").id == "body/hwb"
    assert bodies.resolve("Safer Arun Partnership").id == "body/csp"


def test_a_body_only_close_to_a_known_one_is_recorded_apart_and_reported() -> None:
    bodies = Bodies()
    bodies.add(Known("body/da-board", "Domestic Abuse Partnership Board"))
    resolution = bodies.resolve("Domestic Abuse Strategic Board")
    assert resolution.id is None
    assert resolution.doubt and "body/da-board" in resolution.doubt
    assert bodies.resolve("Youth Offending Board").doubt is None


def test_initials_shared_by_two_bodies_resolve_to_neither() -> None:
    bodies = Bodies()
    bodies.add(Known("body/csp", "Community Safety Partnership"))
    bodies.add(Known("body/cpb", "Children's Safeguarding Partnership"))
    assert bodies.resolve("CSP").id is None
    assert bodies.resolve("CSP").doubt
