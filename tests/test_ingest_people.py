"""One person's entry, and run-on lists of people, as minutes and plans write them."""

from __future__ import annotations

import pytest

from loaders.ingest.facts import DocumentFacts
from loaders.ingest.minutes import read_minutes
from loaders.ingest.people import (
    ParsedPerson,
    bare_name,
    initials_listed,
    is_job_title,
    is_name_like,
    is_one_post,
    is_organisation,
    parse_people,
    parse_person,
    surname,
)
from loaders.ingest.text import Text


def minutes(*lines: str) -> DocumentFacts:
    return read_minutes(Text(lines=lines, format="text", original="x", checksum="x"))


def roles(facts: DocumentFacts) -> list[tuple[str, str | None, str | None]]:
    return [(p.role, p.honorific, p.name or p.title) for p in facts.people]


def parts(person: ParsedPerson | None) -> tuple[str | None, ...]:
    assert person is not None
    return (person.honorific, person.name, person.title, person.organisation)


@pytest.mark.parametrize(
    ("entry", "honorific", "name", "title", "organisation"),
    [
        ("Cllr Jane Smith (Chair)", "Cllr", "Jane Smith", None, None),
        (
            "Councillor Masood Ahmed - Cabinet Member for Communities",
            "Councillor",
            "Masood Ahmed",
            "Cabinet Member for Communities",
            None,
        ),
        ("DCI John Brown, West Yorkshire Police", "DCI", "John Brown", None,
         "West Yorkshire Police"),
        ("Supt. A Jones (Cleveland Police)", "Supt.", "A Jones", None, "Cleveland Police"),
        (
            "JS - Jane Smith, Head of Community Safety, Kirklees Council",
            None,
            "Jane Smith",
            "Head of Community Safety",
            "Kirklees Council",
        ),
        ("Dr Emma Green (NHS Calderdale ICB)", "Dr", "Emma Green", None, "NHS Calderdale ICB"),
        ("Mr P Carroll", "Mr", "P Carroll", None, None),
        ("S P Porter", None, "S P Porter", None, None),
        ("D Blacklock", None, "D Blacklock", None, None),
        ("Committee Secretary", None, None, "Committee Secretary", None),
        ("Director of Corporate Services", None, None, "Director of Corporate Services", None),
        ("AB Cllr. Alan Butcher (Chair)", "Cllr.", "Alan Butcher", None, None),
        ("Mr. J.A. Lomas", "Mr.", "J.A. Lomas", None, None),
        ("Mrs F.P.F. Read", "Mrs", "F.P.F. Read", None, None),
        ("C. Cllr. Mary Lowe", "C. Cllr.", "Mary Lowe", None, None),
        ("C.Cllr. Ian Pike (Westshire County Council)", "C.Cllr.", "Ian Pike", None,
         "Westshire County Council"),
        ("LB Sgt. Baileff (Sussex Police, Arun NPT)", "Sgt.", "Baileff", None,
         "Sussex Police, Arun NPT"),
        ("CMc Claire McNelis (WSCC)", None, "Claire McNelis", None, "WSCC"),
        (
            "KB - Kate Belbin - Partnership Manager, West Division, Sussex Police",
            None,
            "Kate Belbin",
            "Partnership Manager, West Division",
            "Sussex Police",
        ),
        (
            "WKJ - CI Will Keating-Jones - District Commander, Arun and Chichester, Sussex Police",
            "CI",
            "Will Keating-Jones",
            "District Commander, Arun and Chichester",
            "Sussex Police",
        ),
        (
            "NW - Neil Worth - Communities and Business Partnerships Manager, Office of the "
            "Sussex Police and Crime Commissioner",
            None,
            "Neil Worth",
            "Communities and Business Partnerships Manager",
            "Office of the Sussex Police and Crime Commissioner",
        ),
        ("DOC -Dax O'Connor - Community Safety Officer, Arun DC", None, "Dax O'Connor",
         "Community Safety Officer", "Arun DC"),
        ("Chief Superintendent Julie Howe (Dorset Police)", "Chief Superintendent", "Julie Howe",
         None, "Dorset Police"),
        ("Acting Supt. Jo Grantham", "Acting Supt.", "Jo Grantham", None, None),
        ("Detective Sergeant P Meredith", "Detective Sergeant", "P Meredith", None, None),
        ("Councillor Wm Gardiner-Watson", "Councillor", "Wm Gardiner-Watson", None, None),
        ("the Very Reverend Dr Mark Beach (Healthwatch nominee)", "Very Reverend Dr",
         "Mark Beach", "Healthwatch nominee", None),
        ("DR JOHN", "DR", "JOHN", None, None),
        ("C BAKER-LONGSHAW", None, "C BAKER-LONGSHAW", None, None),
        ("JG McMichael", None, "JG McMichael", None, None),
        ("Matt Garrett (Head of Housing Services, PCC)", None, "Matt Garrett",
         "Head of Housing Services", "PCC"),
        ("Cllr Gill Taylor | Dorset Council (Chair)", "Cllr", "Gill Taylor", None,
         "Dorset Council"),
        ("Andrew Billany | Dorset Council (Housing, Adults and Housing)", None, "Andrew Billany",
         None, "Dorset Council (Housing, Adults and Housing)"),
        ("Jane Smith (JS) - Head of Service, Warwickshire County Council", None, "Jane Smith",
         "Head of Service", "Warwickshire County Council"),
        ("Dorset Police - Supt Claire Phillips", "Supt", "Claire Phillips", None,
         "Dorset Police"),
    ],
)  # fmt: skip
def test_an_entry_splits_into_honorific_name_title_and_organisation_as_written(
    entry: str, honorific: str | None, name: str | None, title: str | None, organisation: str | None
) -> None:
    assert parts(parse_person(entry)) == (honorific, name, title, organisation)


@pytest.mark.parametrize(
    ("entry", "name", "title", "organisation"),
    [
        ("Andy Frost Dorset County Council", "Andy Frost", None, "Dorset County Council"),
        ("Masood Ahmed West Yorkshire Police and Crime Panel", "Masood Ahmed", None,
         "West Yorkshire Police and Crime Panel"),
        ("Steve Cotter Divisional Commander, West Yorkshire Police", "Steve Cotter",
         "Divisional Commander", "West Yorkshire Police"),
        ("Jacqui Gedman Director, Kirklees Council", "Jacqui Gedman", "Director",
         "Kirklees Council"),
    ],
)  # fmt: skip
def test_a_table_row_read_from_a_pdf_runs_name_and_organisation_together_and_says_so(
    entry: str, name: str, title: str | None, organisation: str
) -> None:
    person = parse_person(entry)
    assert person is not None
    assert (person.name, person.title, person.organisation) == (name, title, organisation)
    assert any("run together" in doubt for doubt in person.doubts)


@pytest.mark.parametrize(
    ("entry", "name", "organisation"),
    [
        ("Cllr Marsh Eastfield Borough Council", "Marsh", "Eastfield Borough Council"),
        ("PC Oakes Northshire Constabulary", "Oakes", "Northshire Constabulary"),
        ("Cllr Tom Marsh Eastfield District Council", "Tom Marsh", "Eastfield District Council"),
    ],
)
def test_after_an_honorific_a_surname_alone_leaves_the_place_to_its_organisation(
    entry: str, name: str, organisation: str
) -> None:
    person = parse_person(entry)
    assert person is not None
    assert (person.name, person.organisation) == (name, organisation)


def test_the_part_in_the_meeting_comes_from_brackets_or_a_trailing_word() -> None:
    assert parse_person("Cllr Jane Smith (Chair)").role_hint == "chair"  # type: ignore[union-attr]
    assert parse_person("Jane Humphreys (In the Chair)").role_hint == "chair"  # type: ignore[union-attr]
    assert parse_person("AB - Cllr. Alan Butcher - Chair").role_hint == "chair"  # type: ignore[union-attr]
    assert parse_person("Nigel Smith, Independent Chair, WSCB").role_hint == "chair"  # type: ignore[union-attr]
    vice = parse_person("Dr Gill Fargher (Vice-Chairman)")
    assert vice is not None and vice.role_hint == "vice-chair" and vice.title == "Vice-Chairman"
    other_body = parse_person(
        "Councillor Lee Breckon, Joint Chair of the Blaby & Hinckley and Bosworth Community "
        "Safety Partnership"
    )
    assert other_body is not None and other_body.role_hint is None
    assert other_body.title == (
        "Joint Chair of the Blaby & Hinckley and Bosworth Community Safety Partnership"
    )


def test_a_substitute_names_who_they_stand_in_for_without_honorific() -> None:
    insp = parse_person("Insp Lee (substituting for Ch Supt Khan)")
    assert insp is not None
    assert (insp.honorific, insp.name, insp.substitute_for) == ("Insp", "Lee", "Khan")
    sub = parse_person("Cllr R Patel (sub for Cllr Jones)")
    assert sub is not None and sub.substitute_for == "Jones"
    trailing = parse_person("Sarah Green, substituting for Mark Brown")
    assert trailing is not None and (trailing.name, trailing.substitute_for) == (
        "Sarah Green",
        "Mark Brown",
    )


def test_a_substitute_may_stand_in_for_a_post_or_after_their_organisation() -> None:
    post = parse_person("Mr J Douglas (for Head of Legal & Property Services)")
    assert post is not None
    assert (post.name, post.organisation, post.substitute_for) == (
        "J Douglas",
        None,
        "Head of Legal & Property Services",
    )
    after = parse_person(
        "Mike Batty (Neighbourhood Services, SBC attending on behalf of Paul Dobson)"
    )
    assert after is not None
    assert (after.organisation, after.substitute_for) == (
        "Neighbourhood Services, SBC",
        "Paul Dobson",
    )
    for sent_by in ("Ms K Bell (for Barnsley Council)", "Jo Bell, on behalf of the Police"):
        organisation = parse_person(sent_by)
        assert organisation is not None and organisation.substitute_for is None


def test_an_ampersand_after_a_lists_last_comma_joins_the_last_person() -> None:
    people = parse_people("Cllr P Morgan (Chair), Cllr H Wroth, Cllr I Wroth, & Cllr J Penn.")
    assert [(p.name, p.organisation) for p in people] == [
        ("P Morgan", None),
        ("H Wroth", None),
        ("I Wroth", None),
        ("J Penn", None),
    ]


def test_initials_after_a_names_dash_are_kept_apart_only_when_they_fit_the_name() -> None:
    people = parse_people(
        "Jo Purser - JP (Reading BC), Rick Jones – RJ (Elected Member, West Berkshire Council)"
    )
    assert [(p.name, p.initials, p.title, p.organisation) for p in people] == [
        ("Jo Purser", "JP", None, "Reading BC"),
        ("Rick Jones", "RJ", "Elected Member", "West Berkshire Council"),
    ]
    agency = parse_person("Ben Mckenna – TS")
    assert agency is not None and (agency.initials, agency.organisation) == (None, "TS")


def test_initials_before_a_name_are_kept_apart_only_when_they_fit_the_name() -> None:
    assert parse_person("CR Carrie Reynolds (Arun DC)").initials == "CR"  # type: ignore[union-attr]
    assert parse_person("MS - Magdalena Steele - Partnership Analyst, WSCC").initials == "MS"  # type: ignore[union-attr]
    rank = parse_person("CI Will Keating-Jones")
    assert rank is not None and (rank.initials, rank.honorific) == (None, "CI")


def test_an_organisation_no_word_vouches_for_is_a_guess_named_in_doubts() -> None:
    person = parse_person("AG - Annabelle Goodenough - Regional Manager, Crimestoppers")
    assert person is not None and person.organisation == "Crimestoppers"
    assert person.doubts == ("organisation guessed: 'Crimestoppers'",)
    sure = parse_person("CR - Carrie Reynolds - Communities & Wellbeing Manager, Arun DC")
    assert sure is not None and sure.doubts == ()


@pytest.mark.parametrize(
    "text",
    [
        "Police Service of Northern Ireland",
        "These notes are intended to provide an overview of the meeting.",
        "MS Teams virtual meeting",
        "Declarations of Interest",
        "Anti-Social Behaviour",
        "West Yorkshire Police",
        "",
        "()",
        "- , ;",
    ],
)
def test_what_names_no_person_and_no_post_is_none(text: str) -> None:
    assert parse_person(text) is None


def test_a_list_gives_an_organisation_in_brackets_to_its_semicolon_group() -> None:
    people = parse_people(
        "Jane Humphreys (In the Chair), Cllr Jim Beall, Mike Batty, Richard Poundford (SBC), "
        "Glenis Sanderson (Victim Support); Joanne Hodgkinson, Chris Coombs (Cleveland Police "
        "Authority); Emma Champley, Ruth Hill (NHS/SBC)."
    )
    assert [(p.name, p.organisation) for p in people] == [
        ("Jane Humphreys", "SBC"),
        ("Jim Beall", "SBC"),
        ("Mike Batty", "SBC"),
        ("Richard Poundford", "SBC"),
        ("Glenis Sanderson", "Victim Support"),
        ("Joanne Hodgkinson", "Cleveland Police Authority"),
        ("Chris Coombs", "Cleveland Police Authority"),
        ("Emma Champley", "NHS/SBC"),
        ("Ruth Hill", "NHS/SBC"),
    ]
    assert people[0].role_hint == "chair" and people[1].honorific == "Cllr"


def test_a_comma_list_without_groups_keeps_each_organisation_to_its_own_name() -> None:
    people = parse_people("Cllr A Smith, Cllr B Jones, John Smith from Sussex Police")
    assert [(p.name, p.organisation) for p in people] == [
        ("A Smith", None),
        ("B Jones", None),
        ("John Smith", "Sussex Police"),
    ]


def test_a_plural_honorific_leads_every_name_and_from_gives_the_run_its_organisation() -> None:
    people = parse_people(
        "Councillors Aslam, Jackson and Richardson from Blaby District Council and Councillors "
        "Bill and Crooks from Hinckley & Bosworth Borough Council, with the substitution of "
        "Councillor Cartwright for Councillor Bill."
    )
    assert [(p.honorific, p.name, p.organisation, p.substitute_for) for p in people] == [
        ("Councillor", "Aslam", "Blaby District Council", None),
        ("Councillor", "Jackson", "Blaby District Council", None),
        ("Councillor", "Richardson", "Blaby District Council", None),
        ("Councillor", "Bill", "Hinckley & Bosworth Borough Council", None),
        ("Councillor", "Crooks", "Hinckley & Bosworth Borough Council", None),
        ("Councillor", "Cartwright", None, "Bill"),
    ]
    courtesy = parse_people("Councillors Mrs Anderson and Mrs Heslop")
    assert [(p.honorific, p.name) for p in courtesy] == [
        ("Councillor Mrs", "Anderson"),
        ("Councillor Mrs", "Heslop"),
    ]


def test_someone_attending_in_anothers_place_is_their_substitute() -> None:
    people = parse_people(
        "Mr D Blacklock (Ms H Horne attended as substitute), Mr A Cummings (Mr D Walker, "
        "Medical Director attended in his absence), Mr I Johnson and Ms B Reilly, NHS England."
    )
    assert [(p.name, p.title, p.organisation, p.substitute_for) for p in people] == [
        ("D Blacklock", None, None, None),
        ("H Horne", None, None, "D Blacklock"),
        ("A Cummings", None, None, None),
        ("D Walker", "Medical Director", None, "A Cummings"),
        ("I Johnson", None, None, None),
        ("B Reilly", None, "NHS England", None),
    ]


def test_a_title_after_a_comma_belongs_to_the_person_before_it() -> None:
    people = parse_people(
        "Mrs S Irvine, Councillor J H Lockhart, Miss E Shields, Assistant Director of Corporate "
        "Services and Mrs A McCann, DPP Manager."
    )
    assert [(p.honorific, p.name, p.title) for p in people] == [
        ("Mrs", "S Irvine", None),
        ("Councillor", "J H Lockhart", None),
        ("Miss", "E Shields", "Assistant Director of Corporate Services"),
        ("Mrs", "A McCann", "DPP Manager"),
    ]


def test_a_title_closed_in_brackets_takes_no_name_after_it() -> None:
    people = parse_people(
        "Jo Bloggs (Chair, Westby Forum), Sam Hart, Ann Lee (Vice Chair), Tom Ray, "
        "Kay Moss, Service Manager, Westby Homes"
    )
    assert [(p.name, p.title, p.organisation) for p in people] == [
        ("Jo Bloggs", "Chair, Westby Forum", None),
        ("Sam Hart", None, None),
        ("Ann Lee", "Vice Chair", None),
        ("Tom Ray", None, None),
        ("Kay Moss", "Service Manager", "Westby Homes"),
    ]


def test_and_splits_people_but_not_organisations_or_titles() -> None:
    people = parse_people(
        "Laura Beddow (Dorset and Wiltshire Fire and Rescue Authority), Rebecca Owen and "
        "Sharon Stacey, Neil Worth - Communities and Business Partnerships Manager"
    )
    assert [(p.name, p.title, p.organisation) for p in people] == [
        ("Laura Beddow", None, "Dorset and Wiltshire Fire and Rescue Authority"),
        ("Rebecca Owen", None, None),
        ("Sharon Stacey", None, None),
        ("Neil Worth", "Communities and Business Partnerships Manager", None),
    ]


def test_organisation_labels_lead_the_names_after_them_even_when_glued_to_a_name() -> None:
    people = parse_people(
        "Blaby District Council: James Edmondston, Linda McBean, and Sarah Pennelli Hinckley & "
        "Bosworth Borough Council: Rachel Burgess and Sharon Stacey"
    )
    assert [(p.name, p.organisation) for p in people] == [
        ("James Edmondston", "Blaby District Council"),
        ("Linda McBean", "Blaby District Council"),
        ("Sarah Pennelli", "Blaby District Council"),
        ("Rachel Burgess", "Hinckley & Bosworth Borough Council"),
        ("Sharon Stacey", "Hinckley & Bosworth Borough Council"),
    ]
    assert people[2].doubts == ("name and organisation run together: 'Sarah Pennelli'",)


def test_names_in_capitals_stay_as_written() -> None:
    people = parse_people("C BAKER-LONGSHAW, R BACKHOUSE, DR JOHN, K McDONALD")
    assert [(p.honorific, p.name) for p in people] == [
        (None, "C BAKER-LONGSHAW"),
        (None, "R BACKHOUSE"),
        ("DR", "JOHN"),
        (None, "K McDONALD"),
    ]


def test_words_tell_titles_and_organisations_apart() -> None:
    assert is_job_title("Head of Community Safety")
    assert is_job_title("Police and Crime Commissioner")
    assert not is_job_title("Office of the Police and Crime Commissioner")
    assert is_organisation("Office of the Police and Crime Commissioner")
    assert is_organisation("Arun DC") and is_organisation("NHS/SBC") and is_organisation("WSCC")
    assert not is_organisation("C BAKER-LONGSHAW") and not is_organisation("Jane Smith")


def test_names_compare_without_honorifics() -> None:
    assert bare_name("Councillor Bill") == "Bill"
    assert bare_name("the Chief Executive") == "Chief Executive"
    assert surname("Mandy Smith") == "Smith" and surname("S P Porter") == "Porter"


@pytest.mark.parametrize(
    "name", ["Menghi Mulchandani", "Abi Lepine", "JOHN SMITH", "Grace Jones", "J Douglas"]
)
def test_a_name_reads_as_a_persons(name: str) -> None:
    assert is_name_like(name)


@pytest.mark.parametrize(
    "name", ["Western Areas", "Physical Disabilities", "WEST HUNTINGDONSHIRE", "Citizen Focus"]
)
def test_places_and_services_run_into_a_list_are_no_persons(name: str) -> None:
    """Words a list runs on that are no one's name: a given name opens a person's, and a
    common English word that is no given name does not."""
    assert not is_name_like(name)


@pytest.mark.parametrize(
    ("entry", "name", "title", "organisation"),
    [
        (
            "Jenna DitchburnAdmin Officer, Youth Offending Team",
            "Jenna Ditchburn",
            "Admin Officer",
            "Youth Offending Team",
        ),
        (
            "Mandy BriggsTeesside Magistrates Court",
            "Mandy Briggs",
            None,
            "Teesside Magistrates Court",
        ),
        (
            "Julie AllanLead for Cleveland Area, National Probation Service",
            "Julie Allan",
            "Lead for Cleveland Area",
            "National Probation Service",
        ),
        ("Shaun McLurg Head of Children", "Shaun McLurg", "Head of Children", None),
        ("Ann MacKenzie, Kirklees Council", "Ann MacKenzie", None, "Kirklees Council"),
    ],
)
def test_a_name_run_into_the_post_or_organisation_after_it(
    entry: str, name: str, title: str | None, organisation: str | None
) -> None:
    person = parse_person(entry)
    assert person is not None
    assert (person.name, person.title, person.organisation) == (name, title, organisation)


def test_rep_in_brackets_stands_in_and_also_rep_does_not() -> None:
    standing_in = parse_person(
        "Michelle Allott – Norfolk & Suffolk Foundation Trust (rep Jane Sayer)"
    )
    assert standing_in is not None and standing_in.substitute_for == "Jane Sayer"
    both = parse_person(
        "Ann Taylor – Head of Social Care, Adult Social Care (also rep Debbie Olley)"
    )
    assert both is not None and both.substitute_for is None


def test_a_list_of_initials_alone() -> None:
    listed = initials_listed("KT (Chair), CJ, P B, MD (for MS), SK")
    assert [(p.name, p.role_hint, p.substitute_for) for p in listed] == [
        ("KT", "chair", None), ("CJ", None, None), ("P B", None, None), ("MD", None, "MS"),
        ("SK", None, None),
    ]  # fmt: skip
    assert initials_listed("NHS, CCG") == []  # two are no list of people
    assert initials_listed("Jane Smith, CJ, SK") == []


def test_scottish_civic_titles_stand_before_a_name_as_honorifics() -> None:
    assert parts(parse_person("Provost Morag Fyfe (Chair)"))[:2] == ("Provost", "Morag Fyfe")
    assert parts(parse_person("Depute Lord Provost Iain Gow"))[:2] == (
        "Depute Lord Provost",
        "Iain Gow",
    )
    bailies = parse_people("Bailies Ruth Lang and Tom Baird")
    assert [(p.honorific, p.name) for p in bailies] == [
        ("Bailie", "Ruth Lang"),
        ("Bailie", "Tom Baird"),
    ]


def test_a_bracket_after_an_apology_names_who_substituted() -> None:
    people = parse_people(
        "Councillor Amos (Councillor Pratt substituted) and Councillor Lyle (Councillor Dunn "
        "deputised)"
    )
    assert [(p.name, p.substitute_for) for p in people] == [
        ("Amos", None), ("Pratt", "Amos"), ("Lyle", None), ("Dunn", "Lyle"),
    ]  # fmt: skip


def test_a_heading_without_a_colon_opens_its_list_when_a_name_follows_it() -> None:
    facts = minutes(
        "PRESENT Provost Morag Fyfe (Chair)",
        "Councillor Tom Baird",
        "IN ATTENDANCE Ruth Lang, Chief Executive",
        "Ewan Hay, Head of Finance",
        "APOLOGIES for absence were received from Councillor Jo Kerr.",
        "21/102 Present Cllr Ann Moss (AM), Cllr Bill Tate (BT)",
    )
    assert roles(facts) == [
        ("chair", "Provost", "Morag Fyfe"),
        ("member", "Councillor", "Tom Baird"),
        ("attendee", None, "Ruth Lang"),
        ("attendee", None, "Ewan Hay"),
        ("apology", "Councillor", "Jo Kerr"),
        ("member", "Cllr", "Ann Moss"),
        ("member", "Cllr", "Bill Tate"),
    ]


def test_movers_and_seconders_take_part_however_the_motion_names_them() -> None:
    facts = minutes(
        "Present: Cllr Ann Moss (Chair)",
        "1. Minutes",
        "It was proposed by Councillor Lyle, seconded by Councillor Dunn and -",
        "Resolved: that the minutes be agreed.",
        "2. Matters arising",
        "The action log was approved as moved and seconded by Councillors Pratt and Jo Kerr.",
    )
    assert roles(facts) == [
        ("chair", "Cllr", "Ann Moss"),
        ("member", "Councillor", "Lyle"),
        ("member", "Councillor", "Dunn"),
        ("member", "Councillor", "Pratt"),
        ("member", "Councillor", "Jo Kerr"),
    ]


def test_a_post_written_before_its_holder_is_the_holders_title() -> None:
    chair = parse_person("Chairman Alan Reid (AR)")
    assert chair is not None and (chair.name, chair.title, chair.role_hint) == (
        "Alan Reid",
        "Chairman",
        "chair",
    )
    assert parts(parse_person("The Secretary (Mrs K Doyle)")) == (
        "Mrs",
        "K Doyle",
        "Secretary",
        None,
    )
    assert parts(parse_person("Chair of the Forum, Jo Hart"))[1] == "Jo Hart"
    assert parts(parse_person("Secretary (Westshire Police)")) == (
        None,
        None,
        "Secretary",
        "Westshire Police",
    )


def test_a_post_without_a_name_is_one_post_not_a_list_run_together() -> None:
    assert is_one_post("Head of Democratic Services")
    assert is_one_post("Chief Officer (Housing)")
    assert not is_one_post("Head of Finance Present: Mrs Ola Penn, Town Planner")
    assert not is_one_post("Westby Councillor Rhona Tait Eastby Councillor Mark Ames")
    assert not is_one_post("Greta Holm Youth Justice Manager")
    assert not is_one_post("Director of Place, Head of Leisure, Parks Manager, Open Spaces")
    posts_run_together = minutes(
        "Also in attendance: Director of Place, Head of Leisure, Parks Manager, Open Spaces, "
        "Mrs Ola Penn (Planning)"
    )
    assert roles(posts_run_together) == [("attendee", "Mrs", "Ola Penn")]
    councillors_run_together = minutes(
        "Present: Cllr Ruth Vale (Chair)",
        "OTHERS IN ATTENDANCE:",
        "Westby Councillor Rhona Tait Eastby Councillor Mark Ames",
    )
    assert roles(councillors_run_together) == [
        ("chair", "Cllr", "Ruth Vale"),
        ("attendee", "Councillor", "Rhona Tait"),
        ("attendee", "Councillor", "Mark Ames"),
    ]


def test_an_officer_speaking_by_post_alone_attends() -> None:
    facts = minutes(
        "Present: Cllr Ruth Vale (Chair), Cllr Owen Pike",
        "1. Declarations of interest",
        "The Head of Legal Services (Monitoring Officer) said that no declarations were needed.",
        "The Chair thanked members. The Cabinet Member explained the budget.",
        "2. Housing update",
        "The Director of Housing gave a presentation on empty homes.",
    )
    assert roles(facts) == [
        ("chair", "Cllr", "Ruth Vale"),
        ("member", "Cllr", "Owen Pike"),
        ("attendee", None, "Head of Legal Services (Monitoring Officer)"),
        ("attendee", None, "Director of Housing"),
    ]
    listed = minutes(
        "Present: Cllr Ruth Vale (Chair), Mo Dale (Director of Housing)",
        "1. Housing update",
        "The Director of Housing gave a presentation on empty homes.",
    )
    assert [p.name for p in listed.people] == ["Ruth Vale", "Mo Dale"]


def test_a_minute_numbered_by_the_year_has_its_heading_before_its_text() -> None:
    facts = minutes(
        "Minutes of the Parish Council meeting",
        "21/306 Apologies accepted from Cllr Cara Mold – holiday",
        "21/307 DECLARATIONS OF INTEREST Cllr Fry declared an interest in item 21/311.",
        "21/308 Public forum None received.",
        "21/309 Village hall lease",
        "The lease had been renewed for five years.",
    )
    assert [(a.number, a.title) for a in facts.agenda_items] == [
        ("21/306", "Apologies accepted from"),
        ("21/307", "DECLARATIONS OF INTEREST"),
        ("21/308", "Public forum"),
        ("21/309", "Village hall lease"),
    ]
    assert ("apology", "Cllr", "Cara Mold") in roles(facts)
    by_month = minutes(
        "2404.01 Co-option of Councillor",
        "No one had applied for the vacancy.",
        "2404.02 Finance",
    )
    assert [(a.number, a.title) for a in by_month.agenda_items] == [
        ("2404.01", "Co-option of Councillor"),
        ("2404.02", "Finance"),
    ]


def test_a_numbered_item_titled_by_a_list_heading_keeps_its_names() -> None:
    facts = minutes(
        "Present: Jo Hart (WDC), Sam Lee (Police)",
        "1. Apologies: Pat Moss (Fire Service), Kim Ray (WDC)",
        "2. Notes of the last meeting",
        "The notes were agreed.",
    )
    assert [(a.number, a.title) for a in facts.agenda_items] == [
        ("1", "Apologies"),
        ("2", "Notes of the last meeting"),
    ]
    assert [(p.role, p.name) for p in facts.people] == [
        ("member", "Jo Hart"),
        ("member", "Sam Lee"),
        ("apology", "Pat Moss"),
        ("apology", "Kim Ray"),
    ]


def test_a_slash_between_a_name_and_a_post_sets_them_apart() -> None:
    assert parts(parse_person("Mr Keith Cox / Board Secretary")) == (
        "Mr",
        "Keith Cox",
        "Board Secretary",
        None,
    )


def test_people_run_on_from_organisations_without_commas_are_each_one() -> None:
    people = parse_people(
        "Cllr M Alder, East Millshire District Council Cllr Mrs A Brent, Millford Borough "
        "Council Cllr R G Hale, Borough Council (Chairman) Ms A Fox, Co-opted Member"
    )
    assert [(p.honorific, p.name, p.organisation or p.title) for p in people] == [
        ("Cllr", "M Alder", "East Millshire District Council"),
        ("Cllr Mrs", "A Brent", "Millford Borough Council"),
        ("Cllr", "R G Hale", "Borough Council"),
        ("Ms", "A Fox", "Co-opted Member"),
    ]
    officers = parse_people(
        "J Bugg, Millshire Police Authority G Mills, Millford Borough Council M J Wall, "
        "Millford Borough Council"
    )
    assert [(p.name, p.organisation) for p in officers] == [
        ("J Bugg", "Millshire Police Authority"),
        ("G Mills", "Millford Borough Council"),
        ("M J Wall", "Millford Borough Council"),
    ]


def test_honorifics_and_initials_running_on_stay_with_their_name() -> None:
    people = parse_people(
        "Councillor Reverend Sam Owen, Millford Council Cllr R G Hale, Millshire Council "
        "Cllr Jo Hart, Millshire County Council"
    )
    assert [(p.honorific, p.name, p.organisation) for p in people] == [
        ("Councillor Reverend", "Sam Owen", "Millford Council"),
        ("Cllr", "R G Hale", "Millshire Council"),
        ("Cllr", "Jo Hart", "Millshire County Council"),
    ]


def test_a_board_s_members_a_row_each_with_no_heading_are_those_present() -> None:
    facts = minutes(
        "Minutes of the Millshire Health Board",
        "Mr Keith Cox | Board Secretary",
        "Dr Jo Farr | Non Executive Director",
        "Professor Ann Lee | Executive Director of Public Health",
        "Present in part:",
        "Ms Tracy Vale | Audit Office",
        "1. | Welcome and apologies",
    )
    assert roles(facts) == [
        ("member", "Mr", "Keith Cox"),
        ("member", "Dr", "Jo Farr"),
        ("member", "Professor", "Ann Lee"),
        ("attendee", "Ms", "Tracy Vale"),
    ]


def test_by_invitation_not_present_and_also_present_give_their_parts() -> None:
    facts = minutes(
        "Minutes of Millford Town Council",
        "Present: Cllr A Smith (in the chair), Cllr B Jones",
        "Councillors not present: H. Filer (HF) and D. Wing (DW).",
        "By Invitation: Ms Sarah Reid Consultant Midwife, NHS Millshire",
        "Mrs. L.M. Phillips, Town Clerk, was also present.",
        "1. Apologies",
    )
    assert roles(facts) == [
        ("chair", "Cllr", "A Smith"),
        ("member", "Cllr", "B Jones"),
        ("absent", "Councillor", "H. Filer"),
        ("absent", "Councillor", "D. Wing"),
        ("attendee", "Ms", "Sarah Reid"),
        ("attendee", "Mrs.", "L.M. Phillips"),
    ]


def test_names_run_into_their_organisation_with_no_heading_are_those_present() -> None:
    facts = minutes(
        "Millford Partnership Executive Group Meeting",
        "Thursday 21st July 2011",
        "Alice Walsh NHS Millshire",
        "Steve Elway Aspire Trust",
        "Mark Boyce Millford Chamber of Trade",
        "Non-Executive Members",
        "Claire Rawlings Millford City Council",
        "Tim Watton Millford City Council",
        "ACTIONS FROM MEETING WHO",
    )
    assert [(p.role, p.name, p.organisation) for p in facts.people] == [
        ("member", "Alice Walsh", "NHS Millshire"),
        ("member", "Steve Elway", "Aspire Trust"),
        ("member", "Mark Boyce", "Millford Chamber of Trade"),
        ("member", "Claire Rawlings", "Millford City Council"),
        ("member", "Tim Watton", "Millford City Council"),
    ]


def test_an_organisation_named_after_a_person_under_a_name_alone_is_that_name_s() -> None:
    facts = minutes(
        "Millshire Public Services Board",
        "Pam Kelly (PK)",
        "Millshire Police (Chair for the meeting)",
        "Dr Sarah Aitken (Dr SA)",
        "Aneurin Bevan University Health Board",
        "Cllr Sean Morgan (Cllr SM)",
        "Millford County Borough Council",
    )
    names = [p.name for p in facts.people]
    assert "Aneurin Bevan" not in names
    assert {"Pam Kelly", "Sarah Aitken", "Sean Morgan"} <= set(names)
    assert parse_person("Dr Sarah Aitken (Dr SA)") == ParsedPerson(
        name="Sarah Aitken", honorific="Dr", initials="SA"
    )


def test_apologies_in_a_clause_opening_the_sentence() -> None:
    facts = minutes(
        "Minutes of the Millford Health and Wellbeing Board",
        "32. Election of Chair",
        "As Councillor F Venner, the Chair of the Board, had sent her apologies, Councillor "
        "S Arif was nominated and seconded to Chair the meeting.",
    )
    assert ("apology", "Councillor", "F Venner") in roles(facts)


def test_those_in_attendance_a_label_run_on_after_a_stop_and_one_not_present() -> None:
    attending = minutes(
        "Minutes of the Millford Town Plan Steering Group Meeting",
        "Those in attendance: Ian Pace - Chairman, Sandra Charles and Karin Sedgwick.",
        "1. Apologies were received from:- Chris Lawton",
    )
    assert roles(attending) == [
        ("chair", None, "Ian Pace"),
        ("member", None, "Sandra Charles"),
        ("member", None, "Karin Sedgwick"),
        ("apology", None, "Chris Lawton"),
    ]
    run_on = minutes(
        "Minutes of Millford Neighbourhood Plan Steering Group",
        "Date: Thursday 24 September 2015 / Venue: The Inn, Millford.Attendance:Geoff "
        "Bingham, Suzie Caton (Chair)",
    )
    assert roles(run_on) == [("member", None, "Geoff Bingham"), ("chair", None, "Suzie Caton")]
    absent = minutes(
        "Minutes of the Millford Steering Group",
        "Present:",
        "Cllr R Sutton",
        "2. Apologies",
        "2.1 Cllr K Hughes was not present.",
    )
    assert ("absent", "Cllr", "K Hughes") in roles(absent)


def test_a_list_labelled_inside_a_table_cell_is_read() -> None:
    facts = minutes(
        "Minutes of Millford Neighbourhood Plan Steering Group",
        "Date: Thursday 24 September 2015 | Venue: The Inn, Millford.Attendance:Geoff "
        "Bingham, Suzie Caton (Chair), Mick Toogood (Vice Chair). | Apologies:,",
        "Marian Parkinson and John Ward",
        "Item | Raised by | Discussion & Decision",
        "Minutes of Previous Meeting | Chair | Accepted & signed",
    )
    assert [(p.role, p.name, p.title) for p in facts.people] == [
        ("member", "Geoff Bingham", None),
        ("chair", "Suzie Caton", None),
        ("member", "Mick Toogood", "Vice Chair"),
        ("apology", "Marian Parkinson", None),
        ("apology", "John Ward", None),
    ]


def test_a_part_in_the_meeting_after_initials_stays_with_them_side_by_side() -> None:
    assert [
        (p.name, p.initials, p.role_hint)
        for p in parse_people("Fraser Nixon (FN) – Chair Margaret Walker (MW)")
    ] == [("Fraser Nixon", "FN", "chair"), ("Margaret Walker", "MW", None)]


def test_a_force_s_representatives_after_a_dash_attend_and_items_coded_by_year() -> None:
    facts = minutes(
        "MINUTES OF THE MEETING OF THE CRIME & SAFETY ADVISORY COMMITTEE OF MILLFORD PARISH "
        "COUNCIL HELD ON TUESDAY 4 MARCH 2008",
        "PRESENT",
        "Cllr R Dellow (Chairman), Councillors Glew, Wheatley",
        "Sussex Police representatives - Inspector Heather Keating, Sgt Sarah Porter",
        "CS07/08.35 Declarations of interest. None declared.",
        "CS07/08.38 Introduction of the new PCSO. Demi Georghiou was introduced to them.",
        "CS07/08.39 Other Crime and Anti-Social Behaviour (See CS07/08.30 and 31)",
    )
    assert [(p.role, p.name) for p in facts.people][-2:] == [
        ("attendee", "Heather Keating"),
        ("attendee", "Sarah Porter"),
    ]
    assert [(i.number, i.title) for i in facts.agenda_items] == [
        ("CS07/08.35", "Declarations of interest"),
        ("CS07/08.38", "Introduction of the new PCSO"),
        ("CS07/08.39", "Other Crime and Anti-Social Behaviour"),
    ]
