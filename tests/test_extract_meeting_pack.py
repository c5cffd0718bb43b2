"""The meeting pack extractor against the CSP Executive seed pack and a synthetic pack."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from loaders.extract import Records
from loaders.extract.meeting_pack import extract_meeting_pack
from tests.extracted import check

S4 = Path(__file__).parent.parent / "data" / "kirklees" / "documents" / "004_504219d2993149f0.txt"
FIXTURE = Path(__file__).parent / "fixtures" / "meeting_pack.txt"

MARCH = "meeting/kirklees-community-safety-partnership-executive-2016-03-18"
DECEMBER = "meeting/kirklees-community-safety-partnership-executive-2015-12-10"
KIRKLEES = "Kirklees Council"
PANEL = "West Yorkshire Police and Crime Panel"
# Seed facts §3a: the 18 March 2016 member list, in order, with organisations as printed.
MARCH_MEMBERS = [
    ("Councillor", "Graham Turner", KIRKLEES),
    (None, "Tony Cooke", KIRKLEES),
    ("Councillor", "Masood Ahmed", PANEL),
    ("Councillor", "Jean Calvert", KIRKLEES),
    ("Chief Superintendent", "Steve Cotter", "West Yorkshire Police"),
    (None, "Vicky Dutchburn", "Greater Huddersfield Clinical Commissioning Group"),
    (None, "Andrew Farrell", "West Yorkshire Fire and Rescue"),
    ("Councillor", "Donald Firth", KIRKLEES),
    (None, "Jacqui Gedman", KIRKLEES),
    (None, "Christine Gummerson", "Kirklees Neighbourhood Housing"),
    (None, "Bridget Hughes", "Voluntary Sector"),
    (None, "Ruth Redfern", KIRKLEES),
    (None, "Sue Richards", KIRKLEES),
    (None, "Kimiyo Rickett", KIRKLEES),
    ("Councillor", "Phil Scott", PANEL),
    (None, "Helen Severns", "North Kirklees Clinical Commissioning Group"),
    (
        None,
        "Andrew Sinclair",
        "Probation Service - West Yorkshire Community Rehabilitation Company Limited",
    ),
    (None, "Gini Whitehead", "National Probation Service - Kirklees and Wakefield"),
]
DECEMBER_PRESENT = [
    "Graham Turner",
    "Masood Ahmed",
    "Jean Calvert",
    "Steve Cotter",
    "Andrew Farrell",
    "Jacqui Gedman",
    "Bridget Hughes",
    "Ruth Redfern",
    "Sue Richards",
    "Helen Severns",
    "Andrew Sinclair",
    "Gini Whitehead",
]
DECEMBER_ALSO = [
    "Carol Gilchrist",
    "Shirley Hepworth",
    "Mithu Komarnyckyj",
    "Diane Pae",
    "David Smith",
    "Rebecca Strutt",
    "Chris Walsh",
    "Mark Burns-Williamson",
]
DECEMBER_APOLOGIES = [
    "Tony Cooke",
    "Vicky Dutchburn",
    "Donald Firth",
    "Christine Gummerson",
    "Viv Kendrick",
    "Michelle Lowe",
    "Ged McManus",
    "Kimiyo Rickett",
    "Phil Scott",
    "Robert Scott",
    "Lee Thompson",
]


class Pack:
    """Extracted records with lookups by id and by role."""

    def __init__(self, records: Records) -> None:
        self.records = records
        self.ids = {str(i["id"]): i for items in records.values() for i in items if "id" in i}

    def name(self, ref: object) -> str:
        return str(self.ids[str(ref)]["name"])

    def roles(self, kind: str, **fields: object) -> list[dict[str, object]]:
        return [
            role
            for role in self.records["roles"]
            if role["kind"] == kind and all(role.get(k) == v for k, v in fields.items())
        ]

    def names(self, kind: str, **fields: object) -> list[str]:
        return [self.name(role["person"]) for role in self.roles(kind, **fields)]

    def meeting(self, meeting_id: str) -> dict[str, object]:
        return self.ids[meeting_id]

    def agenda(self, meeting_id: str) -> list[dict[str, object]]:
        agenda = self.meeting(meeting_id)["agenda"]
        assert isinstance(agenda, list)
        return agenda


@pytest.fixture(scope="module")
def s4() -> Pack:
    records = extract_meeting_pack(S4, "document/s4")
    check(records, S4, "document/s4")
    return Pack(records)


def test_meetings(s4: Pack) -> None:
    assert [m["id"] for m in s4.records["meetings"]] == [MARCH, DECEMBER]
    march, december = s4.meeting(MARCH), s4.meeting(DECEMBER)
    assert march["date"] == date(2016, 3, 18)
    assert march["time"] == "10.00 am - 12.00 pm"
    assert (
        march["venue"]
        == "Leadership Meeting Room - 1st Floor, Civic Centre 3, Huddersfield, HD1 2TG"
    )
    assert march["body"] == "Kirklees Community Safety Partnership Executive"
    assert december["date"] == date(2015, 12, 10)
    assert december["time"] == "10.00 am"


def test_march_member_list(s4: Pack) -> None:
    members = s4.roles("member", listed_on=date(2016, 3, 18))
    printed = [
        (
            s4.ids[str(role["person"])].get("honorific"),
            s4.name(role["person"]),
            s4.name(role["on_behalf_of"]),
        )
        for role in members
    ]
    # Chief Superintendent Steve Cotter's name and organisation wrap over four lines.
    assert printed == MARCH_MEMBERS
    assert all(
        role["body"] == "Kirklees Community Safety Partnership Executive" for role in members
    )
    assert not s4.roles("attendee", meeting=MARCH)
    assert not s4.roles("chair", meeting=MARCH)


def test_december_attendance(s4: Pack) -> None:
    present = s4.names("member", listed_on=date(2015, 12, 10))
    assert present == DECEMBER_PRESENT
    assert s4.names("chair", meeting=DECEMBER) == ["Graham Turner"]
    assert s4.names("deputy chair", meeting=DECEMBER) == ["Steve Cotter"]
    attendees = s4.names("attendee", meeting=DECEMBER)
    assert attendees == DECEMBER_PRESENT + DECEMBER_ALSO
    assert s4.names("apology", meeting=DECEMBER) == DECEMBER_APOLOGIES
    (cotter,) = s4.roles("attendee", meeting=DECEMBER, person="person/steve-cotter")
    assert cotter["title"] == "Divisional Commander"
    assert s4.name(cotter["on_behalf_of"]) == "West Yorkshire Police"
    (burns_williamson,) = s4.roles("attendee", person="person/mark-burns-williamson")
    assert burns_williamson["title"] == "Police and Crime Commissioner, West Yorkshire"
    assert "on_behalf_of" not in burns_williamson
    (smith,) = s4.roles("attendee", person="person/david-smith")
    assert s4.name(smith["on_behalf_of"]) == "Office of Police and Crime Commissioner"
    assert s4.ids["organisation/office-of-police-and-crime-commissioner"]["aliases"] == ["OPCC"]
    assert s4.names("other", meeting=DECEMBER, title="Minutes") == ["Shirley Hepworth"]


def test_people_appear_once(s4: Pack) -> None:
    people = s4.records["people"]
    assert len(people) == len({p["name"] for p in people})
    cotter = s4.ids["person/steve-cotter"]
    assert (cotter["name"], cotter["honorific"]) == ("Steve Cotter", "Chief Superintendent")


def test_march_agenda_officers(s4: Pack) -> None:
    agenda = s4.agenda(MARCH)
    assert [item["number"] for item in agenda] == [str(n) for n in range(1, 9)]
    item3 = agenda[2]
    assert item3["title"] == "Domestic Abuse Strategy Update"
    assert item3["lead_officers"] == ["person/lee-thompson"]
    assert item3["contact_officers"] == ["person/alexia-gray"]
    assert str(item3["purpose"]).startswith("To update the Executive on work undertaken")
    assert agenda[1]["title"] == (
        "Minutes of Executive meeting 10th December 2015 and Matters Arising, "
        "including future Governance Arrangements"
    )
    (lead,) = s4.roles("lead officer", meeting=MARCH, agenda_item="3")
    assert (s4.name(lead["person"]), lead["title"]) == (
        "Lee Thompson",
        "Head of Safeguarding and Social Work",
    )
    (contact,) = s4.roles("contact", meeting=MARCH, agenda_item="3")
    assert (s4.name(contact["person"]), contact["title"]) == (
        "Alexia Gray",
        "Service Manager, Domestic Abuse and Safeguarding Partnerships",
    )
    leads = {r["agenda_item"]: s4.name(r["person"]) for r in s4.roles("lead officer")}
    assert leads == {
        "3": "Lee Thompson",
        "4": "Chris Walsh",
        "5": "Carol Gilchrist",
        "6": "David Smith",
    }
    (agenda_contact,) = [r for r in s4.roles("contact", meeting=MARCH) if "agenda_item" not in r]
    assert s4.name(agenda_contact["person"]) == "Shirley Hepworth"


def test_december_items_and_actions(s4: Pack) -> None:
    agenda = s4.agenda(DECEMBER)
    assert [item["number"] for item in agenda] == [str(n) for n in range(2, 11)]
    private = [item for item in agenda if item.get("private")]
    assert [(item["number"], item["title"]) for item in private] == [
        ("9", "Domestic Homicide Review")
    ]
    actions = [c for c in s4.records["commitments"] if c["kind"] == "action agreed"]
    assert [a["ref"] for a in actions] == ["3", "4", "4", "4", "4", "4", "5", "7"]
    assert all(a["meeting"] == DECEMBER for a in actions)
    assert actions[0]["name"] == (
        "Strategic Delivery Group to have as an agenda item Outcome Measures – Protecting "
        "People from Harm and to look at developing these measures for the Executive to approve"
    )


def test_farrell_leads_the_road_safety_action(s4: Pack) -> None:
    (leads,) = [r for r in s4.records["relations"] if r["type"] == "LEADS"]
    assert leads["from"] == "person/andrew-farrell"
    action = s4.ids[str(leads["to"])]
    assert action["ref"] == "4"
    assert "Andrew Farrell to ensure relevant safeguarding" in str(action["name"])
    assert leads["sources"] == [
        {
            "document": "document/s4",
            "lines": "335-336",
            "quote": "Andrew Farrell to ensure relevant safeguarding is part of the Road "
            "Safety Group.",
        }
    ]


def test_ids_are_stable_across_runs(s4: Pack) -> None:
    assert extract_meeting_pack(S4, "document/s4") == s4.records


def test_synthetic_pack() -> None:
    body = "Example Safety Partnership Board"
    records = extract_meeting_pack(FIXTURE, "document/fixture", body_ref=body)
    check(records, FIXTURE, "document/fixture")
    pack = Pack(records)
    march = "meeting/example-safety-partnership-board-2022-03-07"
    december = "meeting/example-safety-partnership-board-2021-12-07"
    assert [m["id"] for m in records["meetings"]] == [march, december]
    assert pack.meeting(march)["venue"] == "Room 1, Town Hall, Exampletown, EX1 1AA"
    members = pack.roles("member", listed_on=date(2022, 3, 7))
    assert [(pack.name(r["person"]), pack.name(r["on_behalf_of"])) for r in members] == [
        ("Ann Example", "Exampletown Council"),
        ("Jo Bloggs", "Example Police"),
        ("Sam Smith", "Example Fire and Rescue"),
        ("Pat Jones", "Community Rehabilitation Company - Example and District"),
        ("Chris Green", "Voluntary Sector"),
    ]
    assert pack.ids["person/jo-bloggs"]["honorific"] == "Detective Chief Superintendent"
    assert pack.ids["person/lee-brown"]["email"] == "lee.brown@example.gov.uk"
    (item2,) = [item for item in pack.agenda(march) if item["number"] == "2"]
    assert item2["lead_officers"] == ["person/lee-brown"]
    assert item2["contact_officers"] == ["person/kim-white"]
    assert pack.roles("lead officer", agenda_item="2")[0]["title"] == "Head of Road Safety"
    assert pack.names("chair", meeting=december) == ["Ann Example"]
    assert pack.names("deputy chair", meeting=december) == ["Sam Smith"]
    assert pack.names("attendee", meeting=december) == [
        "Ann Example",
        "Sam Smith",
        "Chris Green",
        "Lee Brown",
    ]
    assert pack.names("apology", meeting=december) == ["Jo Bloggs", "Pat Jones"]
    agenda = pack.agenda(december)
    assert [(item["number"], item.get("private", False)) for item in agenda] == [
        ("2", False),
        ("3", True),
    ]
    actions = [c["name"] for c in records["commitments"]]
    assert actions == [
        "Sam Smith to review fire station visits",
        "Report from Lee Brown to the Board in March",
    ]
    # Only an action that opens with "<name> to <verb>" has an owner.
    assert [(r["type"], r["from"]) for r in records["relations"]] == [("LEADS", "person/sam-smith")]
