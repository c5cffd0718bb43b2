"""Plans, structure descriptions and decision records read as facts: each layout on an
excerpt of a real council document, inputs that are no such document, and the floor the
extractors reach on the tuning part of the corpus."""

from __future__ import annotations

import pytest

from loaders.ingest.decision import read_decision
from loaders.ingest.facts import DocumentFacts, PriorityFact, RelationFact
from loaders.ingest.plans import plan_period, read_plan
from loaders.ingest.read import read
from loaders.ingest.structure import read_structure, relations_in
from loaders.ingest.text import Format, Text
from tests.ingest_corpus import CORPUS, Fixture, fixtures, score, table


def text(*lines: str, format: Format = "text", title: str | None = None) -> Text:
    return Text(lines=lines, format=format, original="excerpt", checksum="x", title=title)


def items(facts: DocumentFacts) -> list[tuple[str, str, str | None, str | None, str | None]]:
    return [(p.kind, p.text, p.timescale, p.lead, p.portfolio_holder) for p in facts.priorities]


def ends(relations: list[RelationFact]) -> set[tuple[str, str, str]]:
    return {(r.source, r.type, r.target) for r in relations}


# Plans -----------------------------------------------------------------------------------

MAIDSTONE = text(
    "2013-18 Community Safety Partnership Plan Refresh",
    "1. INTRODUCTION AND BACKGROUND",
    "1.1 The draft 2018/19 refresh of the Maidstone Community Safety Partnership (CSP) Plan "
    "2013-18 (Appendix 1) has been updated following the annual process detailed within the "
    "plan and is an update on the CSP Plan brought to this Committee on 28 March 2017.",
    "1.2 Based on the information in the Strategic Assessment, the priorities that have been "
    "identified for 2018/19 are:",
    "· Domestic Abuse",
    "· Organised Crime Groups (including Modern Slavery)",
    "· Gangs & Child Sexual Exploitation (CSE)",
    "· Substance Misuse",
    "· Mental Health",
)


def test_a_lead_in_says_what_its_list_holds_and_for_when() -> None:
    facts = read_plan(MAIDSTONE)
    assert facts.kind == "plan"
    assert facts.title == "2013-18 Community Safety Partnership Plan Refresh"
    assert facts.body == "Maidstone Community Safety Partnership"
    assert items(facts) == [
        ("priority", name, "2018/19", None, None)
        for name in (
            "Domestic Abuse",
            "Organised Crime Groups (including Modern Slavery)",
            "Gangs & Child Sexual Exploitation (CSE)",
            "Substance Misuse",
            "Mental Health",
        )
    ]
    assert [p.line for p in facts.priorities] == [5, 6, 7, 8, 9]


CHESHIRE = text(
    "2 | Cheshire West and Chester Community Safety Partnership Strategy 2016/2020",
    "Contents",
    "3 Foreword",
    "4 The Community Safety Partnership",
    "9 Strategic Assessment of Crime and Disorder",
    "10 Community Safety Partnership Priorities",
    "1. Reducing Re-offending",
    "2. Reduce Child Sexual Exploitation",
    "3. Reduce Anti-Social Behaviour",
    "4. Reduce the Negative Impact of Alcohol and Substance Misuse",
    "5. To increase the number of Domestic Violence and Abuse (DVA) reports across West Cheshire,",
    "allowing us to offer support to more victims, children and"
    " perpetrators and start to reduce the",
    "number of incidents within those families",
    "6. Embed Prevent in to mainstream activities , including the management of the hate Crime",
    "Strategy and Action Plan",
    "7. Reduce the Number of Killed and Seriously Injured people on our"
    " roads, including Road Safety.",
    "18 Community Safety Partnership Plan",
    "18 Helping the Borough to Thrive",
    format="pdf",
)


def test_numbered_priorities_keep_the_lines_a_pdf_wrapped_them_onto() -> None:
    facts = read_plan(CHESHIRE)
    assert facts.title == (
        "Cheshire West and Chester Community Safety Partnership Strategy 2016/2020"
    )
    assert facts.body == "Cheshire West and Chester Community Safety Partnership"
    names = [p.text for p in facts.priorities]
    assert len(names) == 7
    assert {p.kind for p in facts.priorities} == {"priority"}
    assert names[0] == "Reducing Re-offending"
    assert names[4].endswith("reduce the number of incidents within those families")
    assert names[5].endswith("the hate Crime Strategy and Action Plan")
    assert [p.line for p in facts.priorities] == [7, 8, 9, 10, 11, 14, 16]


LICHFIELD = text(
    "Community safety delivery plan outline 2021-2022 - Lichfield District Council",
    "Community safety delivery plan outline 2021-2022",
    "Priority one: anti-social behaviour",
    "Early intervention prevention",
    "We want to:",
    "reduce the number of ASB incidents reported in hotspot areas",
    "create better awareness amongst young people of the harms caused by ASB",
    "To do this we will:",
    "deploy policing patrols into key hotspot areas at the most appropriate times",
    "develop joint training for staff who manage and respond to ASB",
    "Managing perpetrators",
    "We want to:",
    "reduce incidences of ASB caused by repeat perpetrators",
    format="html",
    title="Community safety delivery plan outline 2021-2022 - Lichfield District Council",
)


def test_headings_and_lead_ins_over_lists_without_bullets() -> None:
    facts = read_plan(LICHFIELD)
    assert facts.title == "Community safety delivery plan outline 2021-2022"
    assert facts.body is None
    assert [(kind, words) for kind, words, *_ in items(facts)] == [
        ("priority", "Priority one: anti-social behaviour"),
        ("objective", "reduce the number of ASB incidents reported in hotspot areas"),
        ("objective", "create better awareness amongst young people of the harms caused by ASB"),
        ("action", "deploy policing patrols into key hotspot areas at the most appropriate times"),
        ("action", "develop joint training for staff who manage and respond to ASB"),
        ("objective", "reduce incidences of ASB caused by repeat perpetrators"),
    ]


def test_headings_in_capitals_under_a_priorities_heading_are_its_priorities() -> None:
    facts = read_plan(
        text(
            "BOARD PRIORITIES",
            "YOUTH VIOLENCE",
            "DRUGS & ALCOHOL",
            "ROAD SAFETY",
            "Key to ratings",
            "Action required now",
            "INTRODUCTION",
            "The Board works with partners across the county.",
            "Our priorities",
            "SAFER STREETS",
            "• Patrol the town centre at night",
            "• Light the underpasses",
        )
    )
    assert [(kind, words) for kind, words, *_ in items(facts)] == [
        ("priority", "YOUTH VIOLENCE"),
        ("priority", "DRUGS & ALCOHOL"),
        ("priority", "ROAD SAFETY"),
        ("priority", "SAFER STREETS"),
        ("priority", "Patrol the town centre at night"),
        ("priority", "Light the underpasses"),
    ]


def test_items_numbered_by_a_code_alone_keep_their_words() -> None:
    facts = read_plan(
        text(
            "The plan serves the three Strategic Objectives of the Joint Committee:",
            "SO1: To deliver the functions of the partnership for the area",
            "SO2: To improve community safety by tackling crime and anti-social behaviour",
            "P1 - Safer streets",
        )
    )
    assert [(kind, words) for kind, words, *_ in items(facts)] == [
        ("objective", "SO1: To deliver the functions of the partnership for the area"),
        (
            "objective",
            "SO2: To improve community safety by tackling crime and anti-social behaviour",
        ),
        ("priority", "P1 - Safer streets"),
    ]


def test_actions_numbered_within_their_objective_lose_their_numbers() -> None:
    facts = read_plan(
        text(
            "Annual Plan 2023/24",
            "To promote opportunities for communities to lead safe and healthy lives we will:",
            "1a. Continue to support residents impacted by the cost of living crisis.",
            "1b. Work with the County Council to build on the Community Responder Service.",
        )
    )
    assert [(kind, words) for kind, words, *_ in items(facts)] == [
        ("action", "Continue to support residents impacted by the cost of living crisis."),
        ("action", "Work with the County Council to build on the Community Responder Service."),
    ]


KIRKLEES = text(
    "People in Kirklees live in cohesive communities, feel safe and are protected from harm",
    "What we're aiming to achieve",
    "• More people active in their communities and engaged in local democracy.",
    "Priorities for action",
    "1. Tenant safety",
    "Action",
    "Tenant safety: agree and implement tower block replacement/renewal and refurbishment "
    "programme.",
    "Deliverable(s)",
    "• Complete high rise fire door programme.",
    "Timescale: March 2022.",
    "Portfolio holder",
    "Councillor Cathy Scott",
    "2. Work alongside the voluntary and community sector",
    "Action",
    "Work alongside the voluntary and community sector in Kirklees to create a relationship "
    "that best delivers our outcomes.",
    "Deliverable(s)",
    "• Engage more people and grow support for our 'we are working alongside' approach by:",
    "• Promoting our co-created statement of shared values.",
    "Timescale: Winter 2021.",
    "Portfolio holder",
    "Councillor Carole Pattison",
    "Tracking our progress",
    "• Proportion of people who say they feel safe.",
)


def test_labelled_cells_give_timescales_to_items_and_portfolio_holders_to_priorities() -> None:
    facts = read_plan(KIRKLEES)
    assert items(facts) == [
        (
            "objective",
            "More people active in their communities and engaged in local democracy.",
            None,
            None,
            None,
        ),
        ("priority", "Tenant safety", None, None, "Councillor Cathy Scott"),
        (
            "action",
            "Tenant safety: agree and implement tower block replacement/renewal and "
            "refurbishment programme.",
            None,
            None,
            None,
        ),
        ("deliverable", "Complete high rise fire door programme.", "March 2022", None, None),
        (
            "priority",
            "Work alongside the voluntary and community sector",
            None,
            None,
            "Councillor Carole Pattison",
        ),
        (
            "action",
            "Work alongside the voluntary and community sector in Kirklees to create a "
            "relationship that best delivers our outcomes.",
            None,
            None,
            None,
        ),
        (
            "deliverable",
            "Engage more people and grow support for our 'we are working alongside' approach by:",
            None,
            None,
            None,
        ),
        (
            "deliverable",
            "Promoting our co-created statement of shared values.",
            "Winter 2021",
            None,
            None,
        ),
    ]


def test_a_table_gives_each_row_its_lead_timescale_and_portfolio_holder() -> None:
    facts = read_plan(
        text(
            "Safer Anytown Action Plan 2022/23 to 2024/25",
            "Priority | Action | Lead | Timescale | Portfolio holder",
            "Tackling anti-social behaviour | Deliver a youth diversion programme | "
            "Community Safety Team | March 2023 | Cllr Jane Smith",
            " | Review the Public Spaces Protection Order | Licensing Manager | Autumn 2022 | "
            "Cllr Jane Smith",
            "Reducing domestic abuse | Commission a refuge service | Housing Lead | Ongoing | ",
            "Next steps",
            format="docx",
        )
    )
    assert facts.title == "Safer Anytown Action Plan 2022/23 to 2024/25"
    assert plan_period(facts.title) == "2022/23 to 2024/25"
    assert items(facts) == [
        ("priority", "Tackling anti-social behaviour", None, None, None),
        (
            "action",
            "Deliver a youth diversion programme",
            "March 2023",
            "Community Safety Team",
            "Cllr Jane Smith",
        ),
        (
            "action",
            "Review the Public Spaces Protection Order",
            "Autumn 2022",
            "Licensing Manager",
            "Cllr Jane Smith",
        ),
        ("priority", "Reducing domestic abuse", None, None, None),
        ("action", "Commission a refuge service", "Ongoing", "Housing Lead", None),
    ]


def test_numbered_headings_fields_and_promises() -> None:
    facts = read_plan(
        text(
            "Community Safety Plan",
            "2021-2024",
            "This plan is owned by the Safer Anytown Partnership Board.",
            "Priority 1",
            "Protecting vulnerable people",
            "Portfolio Holder: Cllr Jane Smith",
            "Objective 1.1 Increase reporting of domestic abuse",
            "Objective: fewer repeat victims",
            "We will:",
            "• commission a refuge service by April 2023",
            "• train frontline staff",
            "Lead: Domestic Abuse Coordinator",
            "• We will publish a hate crime charter",
            format="docx",
        )
    )
    assert facts.title == "Community Safety Plan 2021-2024"
    assert facts.body == "Safer Anytown Partnership Board"
    assert ends(facts.relations) == {
        ("Safer Anytown Partnership Board", "owns", "Community Safety Plan 2021-2024")
    }
    assert items(facts) == [
        ("priority", "Protecting vulnerable people", None, None, "Cllr Jane Smith"),
        ("objective", "Objective 1.1 Increase reporting of domestic abuse", None, None, None),
        ("objective", "fewer repeat victims", None, None, None),
        ("action", "commission a refuge service by April 2023", "April 2023", None, None),
        ("action", "train frontline staff", None, "Domestic Abuse Coordinator", None),
        ("action", "We will publish a hate crime charter", None, None, None),
    ]


def test_a_contents_list_under_a_question_with_page_numbers_between() -> None:
    facts = read_plan(
        text(
            "Health and Wellbeing",
            "Strategy for Wakefield",
            "2013-2016",
            "What are the key priorities and what are we going to do about them?",
            "Inequalities",
            "5",
            "Healthy Living & Quality of Life",
            "6",
            "Early Years",
            "7",
            "Our Approach to Improving Health and Wellbeing",
        )
    )
    assert facts.title == "Strategy for Wakefield 2013-2016"
    assert [(p.kind, p.text) for p in facts.priorities] == [
        ("priority", "Inequalities"),
        ("priority", "Healthy Living & Quality of Life"),
        ("priority", "Early Years"),
    ]


def test_objectives_listed_once_and_each_promise_an_action() -> None:
    facts = read_plan(
        text(
            "H&F Hate Crime Strategy 2024-2028 - Our objectives",
            "This strategy identifies our four main objectives, which are:",
            "Prevent hate crime and increase community cohesion",
            "Increase trust and confidence to encourage reporting of hate crimes",
            "Objective 1: Prevent hate crime and increase community cohesion",
            "We will:",
            "Ensure hate crime remains a priority in key forums across H&F.",
            "Ensure staff are trained to identify hate crime. We will ensure that specialised "
            "training will be delivered. e.g. antisemitism.",
            format="html",
        )
    )
    assert [(p.kind, p.text) for p in facts.priorities] == [
        ("objective", "Prevent hate crime and increase community cohesion"),
        ("objective", "Increase trust and confidence to encourage reporting of hate crimes"),
        ("action", "Ensure hate crime remains a priority in key forums across H&F."),
        ("action", "Ensure staff are trained to identify hate crime."),
        (
            "action",
            "We will ensure that specialised training will be delivered. e.g. antisemitism.",
        ),
    ]


def test_a_table_printed_without_cells_rows_of_commitments_and_leads() -> None:
    facts = read_plan(
        text(
            "Hate Crime Strategy 2017-2021 Delivery Plan – Quarter 2 Update "
            "(July – September 2017)",
            "OBJECTIVE ACTION TIMESCALE Lead Officer / Agency",
            "We want to improve public",
            "understanding and awareness of",
            "Doncaster.",
            "We will continue to ensure that our work and publicity reflect clear messages "
            "regarding",
            "what hate crime is. We will utilise a number of forums for this.",
            "Update – The Hate Crime strategy was launched on 6th July 2017 alongside clear",
            "messages regarding what hate crime is.",
            "July 2017 launch - DMBC Hate Crime Lead",
            "- DMBC Communications",
            format="pdf",
        )
    )
    leads = "DMBC Hate Crime Lead, DMBC Communications"
    assert items(facts) == [
        (
            "objective",
            "We want to improve public understanding and awareness of Doncaster.",
            None,
            None,
            None,
        ),
        (
            "action",
            "We will continue to ensure that our work and publicity reflect clear messages "
            "regarding what hate crime is.",
            "July 2017 launch",
            leads,
            None,
        ),
        ("action", "We will utilise a number of forums for this.", "July 2017 launch", leads, None),
    ]


def test_a_table_printed_without_cells_coded_items_owners_and_cells() -> None:
    lancashire = read_plan(
        text(
            "Annual Delivery Plan 2008/09",
            "Milestone Directorate Owner Current",
            "Status",
            "CC1 Accessible, high quality, value-for-money services which meet your needs",
            "C1.1.1 Making sure governance structures for Team",
            "Lancashire are in place and operating effectively by",
            "June 2008",
            "PU partnerships",
            "& localities",
            "Jerry Smith G Governance structures agreed and in",
            format="pdf",
        )
    )
    assert items(lancashire) == [
        (
            "priority",
            "Accessible, high quality, value-for-money services which meet your needs",
            None,
            None,
            None,
        ),
        (
            "deliverable",
            "Making sure governance structures for Team Lancashire are in place and operating "
            "effectively by June 2008",
            "June 2008",
            "Jerry Smith",
            None,
        ),
    ]
    slough = read_plan(
        text(
            "SLSCB BUSINESS PLAN – ACTIONS, TIMESCALES, OUTCOMES AND RAG RATINGS",
            "PRIORITY 1a Early Help and Prevention",
            "Strategic Lead from SLSCB Executive: Nancy Barber/Jill King (BHFT)",
            "OBJECTIVES:",
            "To improve the effectiveness of universal services",
            "Specific Actions Timescale/ Target Lead Output/Outcome measurement RAG",
            "1. To ensure that the Early Intervention Strategy addresses safeguarding priorities.",
            "Strategy agreed and in",
            "place by April 2012",
            format="pdf",
        )
    )
    assert items(slough) == [
        (
            "priority",
            "PRIORITY 1a Early Help and Prevention",
            None,
            "Nancy Barber/Jill King (BHFT)",
            None,
        ),
        ("objective", "To improve the effectiveness of universal services", None, None, None),
        (
            "action",
            "To ensure that the Early Intervention Strategy addresses safeguarding priorities.",
            "Strategy agreed and in place by April 2012",
            None,
            None,
        ),
    ]


@pytest.mark.parametrize(
    ("title", "period"),
    [
        ("Community Safety Plan 2021-2024", "2021-2024"),
        ("Strategic Assessment 2022/23 to 2024/25", "2022/23 to 2024/25"),
        ("Community Safety Partnership Strategy 2016/2020", "2016/2020"),
        ("Safer Arun Strategic Partnership Plan 2015 – 2017 (updated 29/07/16)", "2015 – 2017"),
        ("2013-18 Community Safety Partnership Plan Refresh", "2013-18"),
        ("Community Safety Plan", None),
    ],
)
def test_plan_period(title: str, period: str | None) -> None:
    assert plan_period(title) == period


# Structures ------------------------------------------------------------------------------

DURHAM = text(
    "Safe Durham Partnership Structures",
    "The framework consists of a Strategic Safe Durham Partnership Board answerable to the "
    "County Durham Partnership. Under the Board sits the Thematic Groups and Local Multi-Agency "
    "Problem Solving Groups (L-MAPS). The Thematic Groups deliver on the identified partnership "
    "priorities while the L-MAPS provide the local delivery arm of the Partnership.",
    "The role of the Safe Durham Partnership Board",
    "The Board will review partnership performance, manage and monitor financial resources, "
    "hold thematic groups to account and devlop strategies for emerging priorities. The Board "
    "will also co-ordinate and oversee the development and delivery of the Partnership Plan.",
)


def test_relations_in_prose_with_the_board_and_the_partnership_resolved() -> None:
    facts = read_structure(DURHAM)
    assert facts.kind == "governance"
    assert facts.body == "Safe Durham Partnership"
    assert facts.title == "Safe Durham Partnership Structures"
    assert ends(facts.relations) == {
        (
            "Strategic Safe Durham Partnership Board",
            "accountable_to",
            "County Durham Partnership",
        ),
        ("Thematic Groups", "part_of", "Strategic Safe Durham Partnership Board"),
        (
            "Local Multi-Agency Problem Solving Groups (L-MAPS)",
            "part_of",
            "Strategic Safe Durham Partnership Board",
        ),
        ("L-MAPS", "delivers_for", "Safe Durham Partnership"),
        ("thematic groups", "accountable_to", "Safe Durham Partnership Board"),
        ("Partnership Plan", "overseen_by", "Safe Durham Partnership Board"),
    }
    quotes = {r.type: r.quote for r in facts.relations}
    assert quotes["accountable_to"] in DURHAM.line(2) + DURHAM.line(4)
    assert facts.unsure == []


HACKNEY = text(
    "Community safety partnership",
    "The community safety partnership (formerly the safer cleaner partnership) consists of the "
    "wider community safety partnership (CSP) and a statutory officer group.",
    "• a strategy group to be made up of senior representatives from the responsible authorities",
    "• have a crime and disorder scrutiny committee with the power to review and scrutinise "
    "decisions made and action taken by the community safety partnership",
    "Statutory officer group",
    "The statutory officer group is responsible for discharging the statutory duties of the CSP, "
    "setting strategy and challenging each other on performance. It’s accountable to the wider "
    "CSP and strategy is made with the full involvement of the partnership.",
)


def test_parts_duties_scrutiny_it_and_acronyms_as_the_text_spells_them() -> None:
    assert ends(read_structure(HACKNEY).relations) == {
        ("wider community safety partnership (CSP)", "part_of", "community safety partnership"),
        ("statutory officer group", "part_of", "community safety partnership"),
        (
            "community safety partnership",
            "overseen_by",
            "crime and disorder scrutiny committee",
        ),
        ("statutory officer group", "delivers_for", "community safety partnership (CSP)"),
        ("statutory officer group", "accountable_to", "wider CSP"),
    }


WAVERLEY = text(
    "Annex 2",
    "Safer Waverley Partnership (SWP) Organisational Structure & Terms of",
    "Reference",
    "Updated 23 Oct 19",
    "Safer Waverley Partnership Executive",
    "Joint Action",
    "Group (JAG)",
    "SWP Executive Membership:",
    "Supt Operations (Chair) Surrey Police",
    "Representative (Deputy) Guildford & Waverley CCG",
    "Community Safety Officer Waverley Borough Council",
    "Term of Chairmanship",
    "The Chairmanship will be reviewed by the Executive every 2 years.",
    "Terms of Reference:",
    "Own the Safer Waverley Partnership Action Plan by ensuring successful"
    " delivery and maintaining rigorous",
    "SMART targets.",
    format="pdf",
)


def test_a_chair_in_a_membership_list_and_terms_of_reference_of_that_body() -> None:
    facts = read_structure(WAVERLEY)
    assert (
        facts.title
        == "Safer Waverley Partnership (SWP) Organisational Structure & Terms of Reference"
    )
    assert ends(facts.relations) == {
        ("Safer Waverley Partnership Executive", "chaired_by", "Supt Operations"),
        ("Safer Waverley Partnership Executive", "owns", "Safer Waverley Partnership Action Plan"),
    }


def test_a_list_under_a_lead_in_and_a_board_the_text_does_not_name() -> None:
    facts = read_structure(
        text(
            "Our structure",
            "The following groups report to the Board:",
            "Domestic Abuse Strategic Group",
            "Joint Action Group (JAG) – chaired by the Police Inspector",
            "The Board is a sub-group of the Anytown Health and Wellbeing Board.",
            format="html",
        )
    )
    assert ends(facts.relations) == {
        ("Domestic Abuse Strategic Group", "reports_to", "Board"),
        ("Joint Action Group (JAG)", "reports_to", "Board"),
        ("Joint Action Group (JAG)", "chaired_by", "Police Inspector"),
        ("Board", "part_of", "Anytown Health and Wellbeing Board"),
    }
    assert facts.unsure
    assert all("Board" in doubt.reason for doubt in facts.unsure)


def test_brackets_asides_and_sub_groups() -> None:
    facts = read_structure(
        text(
            "Safer Anytown Partnership",
            "Joint Action Group (reports to the Board)",
            "The JAG is a sub group of the Safer Anytown Partnership Board and is held "
            "accountable by the Executive Group.",
            "The partnership (formerly the crime reduction partnership) reports to the Cabinet.",
            format="html",
        )
    )
    assert ends(facts.relations) == {
        ("Joint Action Group", "reports_to", "Safer Anytown Partnership Board"),
        ("Joint Action Group (JAG)", "part_of", "Safer Anytown Partnership Board"),
        ("Joint Action Group (JAG)", "accountable_to", "Executive Group"),
        ("Safer Anytown Partnership", "reports_to", "the Cabinet"),
    }


def test_the_group_a_sub_group_s_text_speaks_of_is_that_sub_group_not_groups_it_names() -> None:
    facts = read_structure(
        text(
            "Anytown Safeguarding Children Board",
            "Terms of Reference",
            "The function of the Early Help subgroup is to oversee the Locality Operating "
            "Groups in each town.",
            "The Chair of the sub group will be the Director of Children's Services. The "
            "members - the group will consist of representatives of the following "
            "organisations:",
            "• West Midlands Police",
            "• Anytown Women's Aid",
            format="html",
        )
    )
    members = {(r.source, r.target) for r in facts.relations if r.type == "part_of"}
    assert members == {
        ("West Midlands Police", "Early Help subgroup"),
        ("Anytown Women's Aid", "Early Help subgroup"),
    }


def test_bodies_counted_then_named_after_a_colon_a_dash_or_in_the_next_sentence() -> None:
    facts = read_structure(
        text(
            "Anytown Safeguarding Children Partnership",
            "There are three groups that report into the Executive Group. These three "
            "groups are: Practice Review Group; Learning Group; Priority Subgroups.",
            "The Priority Subgroups consist of: Child Exploitation Group; Emotional "
            "Wellbeing and Mental Health Group.",
            "There are two further groups that report into the Learning Group - these are "
            "Quality Assurance Group and Workforce Development Group.",
            "Beside it is the Reference System, which consists of two Forums. These are: "
            "Young People's Forum; Parent and Carers Forum.",
            "The Executive Group has four groups that report to it.",
            format="html",
        )
    )
    assert ends(facts.relations) == {
        ("Practice Review Group", "reports_to", "Executive Group"),
        ("Learning Group", "reports_to", "Executive Group"),
        ("Priority Subgroups", "reports_to", "Executive Group"),
        ("Child Exploitation Group", "part_of", "Priority Subgroups"),
        ("Emotional Wellbeing and Mental Health Group", "part_of", "Priority Subgroups"),
        ("Quality Assurance Group", "reports_to", "Learning Group"),
        ("Workforce Development Group", "reports_to", "Learning Group"),
        ("Young People's Forum", "part_of", "Reference System"),
        ("Parent and Carers Forum", "part_of", "Reference System"),
    }


def test_members_named_as_a_body_s_own_represented_on_it_or_representing_it() -> None:
    facts = read_structure(
        text(
            "Safer Anytown Partnership",
            "The Partnership's core members are: Anytown Council, Anytown Police and the NHS.",
            "The Youth Board has representation from Anytown Youth Service and the Fire Service.",
            "Anytown Housing Trust and the Probation Service are represented on the Youth Board.",
            "The Board has representation from across the Partnership.",
            format="html",
        )
    )
    assert ends(facts.relations) == {
        ("Anytown Council", "part_of", "Safer Anytown Partnership"),
        ("Anytown Police", "part_of", "Safer Anytown Partnership"),
        ("NHS", "part_of", "Safer Anytown Partnership"),
        ("Anytown Youth Service", "part_of", "Youth Board"),
        ("Fire Service", "part_of", "Youth Board"),
        ("Anytown Housing Trust", "part_of", "Youth Board"),
        ("Probation Service", "part_of", "Youth Board"),
    }


def test_members_after_their_kind_joining_a_board_and_named_without_an_organisation_word() -> None:
    facts = read_structure(
        text(
            "Anytown Community Safety Partnership",
            "Each Partnership is made up of the following statutory bodies; the Police, the "
            "Fire & Rescue Service and the National Probation Trust.",
            "Organisations joining the Partnership include Anytown Council, the Environment "
            "Agency, Natural England and the Duchy of Cornwall.",
            "Members include the Police and PACT (Police and Community Together).",
        )
    )
    assert ends(facts.relations) == {
        ("Police", "part_of", "Anytown Community Safety Partnership"),
        ("Fire & Rescue Service", "part_of", "Anytown Community Safety Partnership"),
        ("National Probation Trust", "part_of", "Anytown Community Safety Partnership"),
        ("Anytown Council", "part_of", "Anytown Community Safety Partnership"),
        ("Environment Agency", "part_of", "Anytown Community Safety Partnership"),
        ("Natural England", "part_of", "Anytown Community Safety Partnership"),
        ("Duchy of Cornwall", "part_of", "Anytown Community Safety Partnership"),
        ("PACT (Police and Community Together)", "part_of", "Anytown Community Safety Partnership"),
    }


def test_a_group_s_heading_over_the_line_naming_its_chair() -> None:
    facts = read_structure(
        text(
            "Working Groups",
            "Community Planning Working Group",
            "Chair: Cllr Jo Smith (Anytown)",
            "Vice Chair: Cllr Sam Jones (Otherton)",
            "Housing Working Group",
            "Chair: Cllr Alex Brown",
        )
    )
    assert ends(facts.relations) == {
        ("Community Planning Working Group", "chaired_by", "Cllr Jo Smith (Anytown)"),
        ("Housing Working Group", "chaired_by", "Cllr Alex Brown"),
    }


def test_members_listed_below_a_line_that_speaks_of_them_by_their_kind_or_count() -> None:
    facts = read_structure(
        text(
            "Anytown Community Safety Partnership",
            "The Executive: Which comprises of the responsible authorities as defined in the Act",
            "• Anytown Borough Council",
            "• Anytown Police",
            "The other agencies that are considered to be integral to the partnership include:",
            "• Anytown Council for Voluntary Service (CVS)",
            "Membership of the Partnership also includes these other organisations:",
            "• Inspire",
            "Youth Board",
            "This meeting is chaired by the Commissioner and includes membership at a senior "
            "level from all partners, including:",
            "- Anytown Youth Justice Service",
            "There are two statutory partners responsible for priority actions within the "
            "Anytown Community Safety Partnership, all with a duty to work together.",
            "- Anytown Fire and Rescue Service",
            "- Anytown Clinical Commissioning Group",
            format="text",
        )
    )
    partnership = "Anytown Community Safety Partnership"
    assert ends(facts.relations) == {
        ("Anytown Borough Council", "part_of", "Executive"),
        ("Anytown Police", "part_of", "Executive"),
        ("Anytown Council for Voluntary Service (CVS)", "part_of", partnership),
        ("Inspire", "part_of", partnership),
        ("Anytown Youth Justice Service", "part_of", "Youth Board"),
        ("Youth Board", "chaired_by", "Commissioner"),
        ("Anytown Fire and Rescue Service", "part_of", partnership),
        ("Anytown Clinical Commissioning Group", "part_of", partnership),
    }


def test_a_body_that_has_a_committee_and_members_named_after_their_kind_and_a_dash() -> None:
    facts = read_structure(
        text(
            "Anytown Policing and Community Safety Partnership",
            "The PCSP consists of 10 Elected Members and representatives from designated "
            "agencies – Youth Justice Agency, Probation Board and Housing Executive.",
            "Each PCSP also has a Policing Committee to take forward police monitoring.",
            "Every council must by law have a Safeguarding Adults Board.",
            format="html",
        )
    )
    pcsp = "Anytown Policing and Community Safety Partnership (PCSP)"
    assert ends(facts.relations) == {
        ("10 Elected Members", "part_of", pcsp),
        ("Youth Justice Agency", "part_of", pcsp),
        ("Probation Board", "part_of", pcsp),
        ("Housing Executive", "part_of", pcsp),
        ("Policing Committee", "part_of", pcsp),
    }


def test_members_a_page_names_its_own_ways_and_a_relation_denied() -> None:
    facts = read_structure(
        text(
            "Anytown Community Safety Partnership",
            "The Partnership brings together the work to reduce crime in Anytown.",
            "Three partners work together with a shared responsibility for safeguarding. "
            "They are Anytown Police, NHS Anytown Integrated Care Board and Anytown Council.",
            "The Board is not governed by statute and is not accountable to the Cabinet.",
            "The group includes representatives from",
            "• Anytown District Council",
            "• Anytown Police Division",
            "Membership of the Partnership Management Board included:",
            "a) Anytown Borough Council;",
            "b) West Mercia Police;",
            "c) NHS Anytown, Medical Director, Performance Lead",
            format="text",
        )
    )
    partnership = "Anytown Community Safety Partnership"
    assert ends(facts.relations) == {
        ("Anytown District Council", "part_of", partnership),
        ("Anytown Police Division", "part_of", partnership),
        ("Anytown Borough Council", "part_of", "Partnership Management Board"),
        ("West Mercia Police", "part_of", "Partnership Management Board"),
        ("NHS Anytown", "part_of", "Partnership Management Board"),
        ("Anytown Police", "part_of", partnership),
        ("NHS Anytown Integrated Care Board", "part_of", partnership),
        ("Anytown Council", "part_of", partnership),
    }


def test_defined_acronyms_sub_bodies_and_a_clause_about_the_name_before_it() -> None:
    facts = read_structure(
        text(
            "Part 6.3.2.1 - Appendix: Domestic Abuse Board",
            '2.2 The West Berkshire Domestic Abuse Board ("DAB") is the Council\'s DALPB.',
            '2.3 The DAB is a Sub-Body of the Building Communities Together Partnership ("BCTP") '
            "which, in turn, is a Sub-Body of the West Berkshire Health and Wellbeing Board "
            '("HWB").',
            "2.4 The DAB, through the Chairman, is accountable to the Council via (in turn) the "
            "BCTP and the HWB.",
            "2.5 The Council receives funding from the Department for Levelling Up, Housing and "
            'Communities ("DLUHC") and has accountability to DLUHC for that funding.',
            format="html",
        )
    )
    board = "West Berkshire Domestic Abuse Board (DAB)"
    assert ends(facts.relations) == {
        (board, "part_of", "Building Communities Together Partnership"),
        (
            "Building Communities Together Partnership",
            "part_of",
            "West Berkshire Health and Wellbeing Board",
        ),
        (board, "accountable_to", "the Council"),
        (
            "the Council",
            "accountable_to",
            "Department for Levelling Up, Housing and Communities (DLUHC)",
        ),
    }


def test_acronyms_spelled_by_initials_asides_between_dashes_and_unsaid_subjects() -> None:
    facts = read_structure(
        text(
            "Governance",
            "The Town Domestic Abuse Local Partnership Board was set up under the Act.",
            "The DALPB is a subgroup of the Community Safety Partnership.",
            "The Hate Crime Board (HCB) – formerly the Tension Monitoring Group (TMG) – is a "
            "sub-group of the Community Safety Partnership.",
            "Town Criminal Justice Board",
            "TCJB – formed to oversee the shared work. Accountable to the 3 CSPs.",
            "The Forum is a statutory Committee of the Town Council.",
            "The CSP will:",
            "- Monitor the performance of the Town Safety Group and reporting to the LSP "
            "Executive Group on progress.",
        )
    )
    assert ends(facts.relations) == {
        (
            "Town Domestic Abuse Local Partnership Board (DALPB)",
            "part_of",
            "Community Safety Partnership",
        ),
        ("Hate Crime Board (HCB)", "part_of", "Community Safety Partnership"),
        ("Town Criminal Justice Board (TCJB)", "accountable_to", "CSPs"),
        ("Forum", "part_of", "Town Council"),
        ("Town Safety Group", "overseen_by", "Community Safety Partnership (CSP)"),
        ("Community Safety Partnership (CSP)", "reports_to", "LSP Executive Group"),
    }


def test_bullets_run_onto_one_line_are_items_of_their_own() -> None:
    facts = read_plan(
        text(
            "Our partnership has agreed four themes for the coming years:",
            "• Safer town centres • Help for fraud victims • Cleaner streets • Youth diversion",
            "The board reviews progress on each theme every quarter.",
        )
    )
    assert [(kind, words) for kind, words, *_ in items(facts)] == [
        ("priority", "Safer town centres"),
        ("priority", "Help for fraud victims"),
        ("priority", "Cleaner streets"),
        ("priority", "Youth diversion"),
    ]


def test_a_lead_in_gives_its_period_and_a_numbered_list_goes_on_past_a_description() -> None:
    facts = read_plan(
        text(
            "Community Safety Plan",
            "The plan covered the period 2013 to 2016. Adopted in 2013 it identified three "
            "priorities:",
            "• Tackle substance misuse;",
            "• Reduce re-offending; and",
            "• Tackle domestic abuse.",
            "The priorities identified for 2018/19 are:",
            "1. Safer Streets",
            "We want people to feel safe in the town centre at night.",
            "2. Stronger Communities",
        )
    )
    assert items(facts) == [
        ("priority", "Tackle substance misuse", None, None, None),
        ("priority", "Reduce re-offending", None, None, None),
        ("priority", "Tackle domestic abuse.", None, None, None),
        ("priority", "Safer Streets", "2018/19", None, None),
        ("priority", "Stronger Communities", "2018/19", None, None),
    ]


def test_an_issue_page_with_minutes_gives_their_people_and_actions() -> None:
    facts = read_decision(
        text(
            "Issue - meetings",
            "Safeguarding Board - Quarterly Update",
            "Meeting: 16/05/2016 - Children's Trust (Item 5)",
            "5 Safeguarding Board - Quarterly Update pdf icon PDF 460 KB",
            "The Director to present the update.",
            "Minutes:",
            "Bernard Wall presented the update report on safeguarding arrangements.",
            "1. Julia Hale to contact Dave Robb to arrange circulation of the newsletter.",
        )
    )
    assert [(p.name, p.role) for p in facts.people] == [("Bernard Wall", "attendee")]
    assert [(a.owner, a.line) for a in facts.actions] == [("Julia Hale", 8)]


def test_members_listed_in_groups_parts_of_a_board_and_leadership_for_it() -> None:
    facts = read_structure(
        text(
            "Anytown Community Safety Partnership",
            "Anytown's Community Safety Partnership is made up of:",
            "Statutory authorities",
            "- Anytown Borough Council",
            "- National Probation Service (NPS)",
            "Other partners",
            "- SASH formerly YOTs",
            "- CGL - Change, Grow, Live",
            "The responsible authorities that make up the Safety Board are the:",
            "• police",
            "• health partners",
            "The Town CSP is one of the tri-parts of the Town Strategic Board.",
            "The Town Strategic Board provides executive and strategic leadership for the "
            "Town Safeguarding Partnership.",
        )
    )
    partnership = "Anytown's Community Safety Partnership"
    assert ends(facts.relations) == {
        ("Anytown Borough Council", "part_of", partnership),
        ("National Probation Service (NPS)", "part_of", partnership),
        ("SASH", "part_of", partnership),
        ("CGL", "part_of", partnership),
        ("police", "part_of", "Safety Board"),
        ("health partners", "part_of", "Safety Board"),
        ("Town CSP", "part_of", "Town Strategic Board"),
        ("Town Strategic Board", "governs", "Town Safeguarding Partnership"),
    }


def test_members_introduced_by_an_open_sentence_or_by_the_following_and_groups_by_invite() -> None:
    facts = read_structure(
        text(
            "To do its work the Board is made up of senior officers of each agency. The NHS "
            "and NHS England send officers, and the NHS trusts attend.",
            "The members of the county steering group consists of",
            "• the chairs of each district steering group",
            "• a representative of the fire authority",
            "The following organisations are invited to be members of the Board:",
            "• Anytown Housing Partnership.",
            "• Northshire Fire & Rescue Service.",
            "By invite:",
            "• Regional Ambulance Service",
            "The Board meets quarterly.",
        )
    )
    assert facts.body == "county steering group"  # named in prose, and no organisation
    assert ends(facts.relations) >= {
        ("chairs of each district steering group", "part_of", "county steering group"),
        ("representative of the fire authority", "part_of", "county steering group"),
        ("Anytown Housing Partnership", "part_of", "Board"),
        ("Northshire Fire & Rescue Service", "part_of", "Board"),
        ("Regional Ambulance Service", "part_of", "Board"),
    }


def test_members_named_by_example_in_the_middle_of_a_sentence() -> None:
    facts = read_structure(
        text(
            "Northshire Partnership Board",
            "The Northshire Partnership Board leads the work. It meets monthly and its "
            "membership includes senior officers of the agencies in the county e.g. Northshire "
            "Police, Northshire Fire and Rescue Service and Northshire College.",
        )
    )
    board = "Northshire Partnership Board"
    assert ends(facts.relations) >= {
        ("Northshire Police", "part_of", board),
        ("Northshire Fire and Rescue Service", "part_of", board),
        ("Northshire College", "part_of", board),
    }


def test_a_document_is_about_the_partnership_it_describes_not_the_organisation_named_most() -> None:
    facts = read_structure(
        text(
            "Community planning",
            "The Anytown Community Planning Partnership brings partners together. NI bodies "
            "and NI agencies take part, as do NI councils, and the union of NI services.",
            "The Anytown Community Planning Partnership Board leads it.",
            title="Community planning - Anytown Council",
        )
    )
    assert facts.body == "Anytown Community Planning Partnership"


def test_members_counted_then_named_in_brackets() -> None:
    facts = read_structure(
        text(
            "Safeguarding arrangements",
            "The Safeguarding Executive Group is made up of the three statutory partners (Local "
            "Authority, Police and CCG representing Health) at the highest Executive level.",
            "The Board is made up of the three Community Safety Partnerships (CSPs) of the county.",
            format="html",
            title="Safeguarding arrangements",
        )
    )
    executive = "Safeguarding Executive Group"
    assert {(source, target) for source, kind, target in ends(facts.relations)} >= {
        ("Local Authority", executive), ("Police", executive), ("CCG", executive),
    }  # fmt: skip
    assert "CSPs" not in {r.source for r in facts.relations}  # an acronym, no list


def test_members_duties_and_leadership() -> None:
    islington = read_structure(
        text(
            "Safeguarding partners - Islington Safeguarding Children Partnership",
            "Executive Partnership",
            "The Executive Partnership is made up of representatives of the statutory "
            "safeguarding partners, sub-group chairs and the Independent Chair and Scrutineer. "
            "The role of the Executive Partnership is to provide strategic leadership, direction "
            "and support to the Partnership to make sure it meets its statutory responsibilities. "
            "The Executive Partnership will be chaired by the Independent Chair who is "
            "responsible for publishing the terms of reference.",
            "Responsibilities of this group are to:",
            "develop, implement and monitor the Partnerships Business Plan.",
            "oversee the functions of Partnership's sub-groups.",
            format="html",
            title="Safeguarding partners - Islington Safeguarding Children Partnership",
        )
    )
    executive = "Executive Partnership"
    assert ends(islington.relations) == {
        (
            "representatives of the statutory safeguarding partners",
            "part_of",
            executive,
        ),
        ("sub-group chairs", "part_of", executive),
        ("Independent Chair and Scrutineer", "part_of", executive),
        (executive, "governs", "Islington Safeguarding Children Partnership"),
        (executive, "chaired_by", "Independent Chair"),
        ("Partnerships Business Plan", "overseen_by", executive),
        ("Partnership's sub-groups", "overseen_by", executive),
    }
    brighton = read_structure(
        text(
            "How the partnership works",
            "The Safe in the City Partnership Board oversees the work of the Partnership. It is "
            "chaired by the council's Chief Executive and comprises senior officers across the "
            "wide range of agencies who have a role to play. Because crime and disorder issues "
            "are intertwined with drug and alcohol misuse, the Board includes experts in these "
            "areas.",
            "The Community Safety Forum provides the link between the Safe in the City "
            "Partnership and the democratic process. The Forum is chaired by the council's "
            "cabinet member for communities and its membership includes local elected "
            "councillors, Local Action Teams and communities of interest.",
        )
    )
    board, forum = "Safe in the City Partnership Board", "Community Safety Forum"
    assert ends(brighton.relations) == {
        ("Safe in the City Partnership", "overseen_by", board),
        (board, "chaired_by", "council's Chief Executive"),
        ("senior officers across the wide range of agencies", "part_of", board),
        ("experts in these areas", "part_of", board),
        (forum, "chaired_by", "council's cabinet member for communities"),
        ("local elected councillors", "part_of", forum),
        ("Local Action Teams", "part_of", forum),
        ("communities of interest", "part_of", forum),
    }


def test_relations_in_some_lines_of_any_document() -> None:
    minutes = text(
        "Safer Anytown Partnership - minutes",
        "Present: Cllr Jane Smith (Chair), Inspector Tom Brown",
        "The Partnership reports to the Health and Wellbeing Board and is scrutinised by the "
        "Overview and Scrutiny Committee.",
        "The Youth Offending Service Management Board is accountable to the Partnership.",
    )
    found = relations_in(minutes, 3, 3, subject="Safer Anytown Partnership")
    assert ends(found) == {
        ("Safer Anytown Partnership", "reports_to", "Health and Wellbeing Board"),
        ("Safer Anytown Partnership", "overseen_by", "Overview and Scrutiny Committee"),
    }
    assert {r.line for r in found} == {3}


# Decisions -------------------------------------------------------------------------------

ASHFIELD = text(
    "Issue - meetings",
    "Meeting: 29/01/2024 - Cabinet (Item 43)",
    "43 Community Safety Partnership - Strategic Plan pdf icon PDF 144 KB",
    "Key Decision",
    "Councillor John Wilmott – Executive Lead Member for Community Safety and Crime Reduction",
    "a) the positive work undertaken by the Community Safety Partnership over the past three "
    "years be noted and the new Community Safety Plan for 2024-2027, as presented by approved;",
    "b) the proposed priorities in the Community Safety Plan, be agreed;",
    "c) the Executive Director for Place, in consultation with the Executive Lead Member for "
    "Community Safety and Crime Reduction and the Ashfield Community Safety Partnership, be "
    "requested to prepare an action plan to implement the Plan’s priorities;",
    "d) the new Community Safety Plan for 2024-2027 and the accompanying action plan, be "
    "recommended to Council for approval by 31 May 2024.",
)


def test_an_issue_page_body_date_item_deliverable_and_actions() -> None:
    facts = read_decision(ASHFIELD)
    assert facts.kind == "decision"
    assert (facts.body, facts.date) == ("Cabinet", "2024-01-29")
    assert [(a.number, a.title, a.line) for a in facts.agenda_items] == [
        ("43", "Community Safety Partnership - Strategic Plan", 3)
    ]
    assert facts.title == "Community Safety Partnership - Strategic Plan"
    assert facts.priorities == [
        PriorityFact(
            "the new Community Safety Plan for 2024-2027",
            "deliverable",
            6,
            timescale="2024-2027",
            portfolio_holder="Councillor John Wilmott – Executive Lead Member for Community "
            "Safety and Crime Reduction",
        )
    ]
    assert [(a.owner, a.due, a.line) for a in facts.actions] == [
        ("Executive Director for Place", None, 8),
        (None, "31 May 2024", 9),
    ]
    assert facts.people == []


STOCKTON = text(
    "Stockton-on-Tees Borough Council",
    "View Cabinet Decision Record",
    "Cabinet Decision: 5th February 2009",
    "Title of Item/Report",
    "Community Safety Partnership Arrangements",
    "It was explained that the Safer Stockton Partnership was led jointly by the Council, "
    "Cleveland Police, Cleveland Police Authority, Cleveland Fire Brigade and Stockton-on-Tees "
    "Teaching Primary Care Trust (PCT). The Stockton DAT arrangements were led jointly by the "
    "Council and the PCT, via the Adult Strategy Team.",
    "The prospective timescale for completion of full merger was April or May 2009. This would "
    "allow time for the preparation of a draft constitution for the merged Partnership.",
)


def test_a_decision_record_leaders_and_a_timescale() -> None:
    facts = read_decision(STOCKTON)
    assert (facts.body, facts.date, facts.title) == (
        "Cabinet",
        "2009-02-05",
        "Community Safety Partnership Arrangements",
    )
    assert ends(facts.relations) == {
        *(
            (leader, "governs", "Safer Stockton Partnership")
            for leader in (
                "the Council",
                "Cleveland Police",
                "Cleveland Police Authority",
                "Cleveland Fire Brigade",
                "Stockton-on-Tees Teaching Primary Care Trust (PCT)",
            )
        ),
        ("the Council", "governs", "Stockton DAT"),
        ("Stockton-on-Tees Teaching Primary Care Trust (PCT)", "governs", "Stockton DAT"),
    }
    assert [(a.text, a.due) for a in facts.actions] == [
        ("completion of full merger", "April or May 2009")
    ]


SALFORD = text(
    "REPORT OF DEPUTY LEADER AND LEAD MEMBER FOR COMMUNITY SAFETY",
    "TO COUNCIL",
    "ON WEDNESDAY 18 MAY,2011",
    "TITLE: Salford Community Safety Strategy 2011 - 14",
    "RECOMMENDATION:",
    "That Council endorses the Community Safety Strategy.",
    "EXECUTIVE SUMMARY:",
    "Once the strategy has been endorsed by Council it will be published via the council’s",
    "website.",
    "1.2 The strategy will be delivered through an action plan which"
    " details activity that will enable",
    "delivery of the strategic objectives. Progress on delivery and performance against crime",
    "and disorder reduction targets will be reported quarterly to the Community Safety",
    "Partnership (CSP) Executive Group and to the Salford Strategic Partnership.",
    format="pdf",
)


def test_a_report_to_council_what_is_reported_and_delivered_through_what() -> None:
    facts = read_decision(SALFORD)
    assert (facts.body, facts.date) == ("COUNCIL", "2011-05-18")
    strategy = "Salford Community Safety Strategy 2011 - 14"
    assert facts.title == strategy
    assert ends(facts.relations) == {
        ("action plan", "delivers_for", strategy),
        (strategy, "reports_to", "Community Safety Partnership (CSP) Executive Group"),
        (strategy, "reports_to", "Salford Strategic Partnership"),
    }
    assert [(a.text, a.line) for a in facts.actions] == [
        (
            "Once the strategy has been endorsed by Council it will be published via the "
            "council’s website.",
            8,
        )
    ]
    assert facts.priorities == []  # a recommendation is not a decision taken


def test_a_decision_notice_names_its_people_and_what_it_adopts() -> None:
    facts = read_decision(
        text(
            "Decision notice",
            "Decision maker: Cabinet",
            "Date of decision: 12 March 2021",
            "Portfolio holder: Councillor Jane Smith",
            "Contact: Dan Jones, Head of Community Safety, Tel: 01234 567890",
            "Decision taken",
            "RESOLVED that the Community Safety Strategy 2021-24 be adopted.",
            "Reason for decision",
            "Councillor Jane Smith, Cabinet Member for Communities, introduced the report.",
        )
    )
    assert (facts.body, facts.date) == ("Cabinet", "2021-03-12")
    assert [(p.honorific, p.name, p.role, p.title) for p in facts.people] == [
        ("Councillor", "Jane Smith", "attendee", "Portfolio holder"),
        (None, "Dan Jones", "attendee", "Head of Community Safety"),
        ("Councillor", "Jane Smith", "member", "Cabinet Member for Communities"),
    ]
    assert items(facts) == [
        (
            "deliverable",
            "the Community Safety Strategy 2021-24",
            "2021-24",
            None,
            "Councillor Jane Smith",
        )
    ]


def test_an_issue_page_with_presenters_and_resolutions_with_owners() -> None:
    facts = read_decision(
        text(
            "Issue - meetings",
            "Meeting: 03/11/2015 - Cabinet (Item 5)",
            "5.1 Safeguarding Adults Board Annual Report 2014/15 pdf icon PDF 300 KB",
            "Decision:",
            "1. To note the Safeguarding Adults Board Annual Report 2014/15.",
            "2. To publish the annual report on the Council's website by March 2016.",
            "Action by: Service Head, Adult Social Care",
            "Minutes:",
            "Mayor John Biggs introduced the report. Councillor Amy Whitelock Gibbs, Cabinet "
            "Member for Health and Adult Services, presented the report.",
        )
    )
    assert [(a.number, a.title) for a in facts.agenda_items] == [
        ("5.1", "Safeguarding Adults Board Annual Report 2014/15")
    ]
    assert [(a.text, a.owner, a.due) for a in facts.actions] == [
        (
            "To publish the annual report on the Council's website by March 2016.",
            "Service Head, Adult Social Care",
            "March 2016",
        )
    ]
    assert [(p.honorific, p.name, p.title) for p in facts.people] == [
        ("Mayor", "John Biggs", None),
        ("Councillor", "Amy Whitelock Gibbs", "Cabinet Member for Health and Adult Services"),
    ]


def test_a_decision_details_page_seeking_approval_of_a_plan() -> None:
    facts = read_decision(
        text(
            "Decision details",
            "Adoption of the Safe City Partnership Plan 2012 - 13",
            "Decision Maker: Cabinet",
            "Purpose:",
            "To consider the report of the Cabinet Member for Communities seeking approval for "
            "the Safe City Partnership 2012-13 Plan and to approve the Council’s contribution.",
            "Decision:",
            "(i) To delegate authority to the Director for Environment and Economy to agree any "
            "final amendments to the Plan prior to submission to Council for approval.",
            "(ii) Subject to (i) above, to recommend the Safe City Partnership Annual Plan "
            "2012/13 to Council for approval.",
            "Reasons for the decision:",
            "3. The plan itself and related actions will be reviewed annually.",
            "Date of decision: 17/07/2012",
        )
    )
    assert (facts.title, facts.body, facts.date) == (
        "Adoption of the Safe City Partnership Plan 2012 - 13",
        "Cabinet",
        "2012-07-17",
    )
    assert items(facts) == [
        (
            "deliverable",
            "the Safe City Partnership Plan 2012 - 13",
            "2012 - 13",
            None,
            "Cabinet Member for Communities",
        )
    ]
    assert [(a.owner, a.line) for a in facts.actions] == [
        ("Director for Environment and Economy", 7),
        (None, 8),
    ]


def test_work_a_decision_delegates_or_authorises_has_its_delegate_as_owner() -> None:
    facts = read_decision(
        text(
            "Safeguarding Policy 2020-2022",
            "Cabinet considered the revised policy.",
            "Resolved to:",
            "1. Approve the Safeguarding Policy; and",
            "2. Delegate authority to the Portfolio Holder for Community to approve any minor "
            "amendments to the policy.",
            "RESOLVED – that (A) the Strategy be adopted; and (B) authority to make final "
            "amendments to the Strategy, be given to Officers, in consultation with the "
            "Executive Member.",
            "2.1.1 Cabinet authorised the Chief Executive to undertake a 12 week consultation.",
            "2.1.2 Cabinet authorised the Director to note the responses.",
        )
    )
    assert [(a.owner, a.line) for a in facts.actions] == [
        ("Portfolio Holder for Community", 5),
        ("Officers", 6),
        ("Chief Executive", 7),
    ]


def test_a_purpose_field_states_the_plan_approved_without_what_comes_with_it() -> None:
    facts = read_decision(
        text(
            "Decision details",
            "Youth Violence Strategy",
            "Decision Maker: Cabinet",
            "Purpose:",
            "To approve the Youth Violence Strategy for Northvale 2025-2028 and monitoring "
            "arrangements for its delivery.",
        )
    )
    assert items(facts) == [
        (
            "deliverable",
            "the Youth Violence Strategy for Northvale 2025-2028",
            "2025-2028",
            None,
            None,
        )
    ]


def test_plans_a_report_seeks_approval_to_are_one_deliverable() -> None:
    facts = read_decision(
        text(
            "Issue - meetings",
            "This report seeks approval to the Riverside Safety Strategy and accompanying "
            "Delivery Plan for 2025 – 2028.",
        )
    )
    assert items(facts) == [
        (
            "deliverable",
            "the Riverside Safety Strategy and accompanying Delivery Plan for 2025 – 2028",
            "2025 – 2028",
            None,
            None,
        )
    ]


def test_a_portfolio_holder_presenting_is_a_member_named_with_the_post() -> None:
    facts = read_decision(
        text(
            "Issue - meetings",
            "Minutes:",
            "Councillor Rosa Pike (Cabinet Member Housing & Planning) introduced a report "
            "seeking approval of the Homes Plan 2025-2030.",
        )
    )
    assert [(p.name, p.role) for p in facts.people] == [("Rosa Pike", "member")]
    assert items(facts) == [
        (
            "deliverable",
            "the Homes Plan 2025-2030",
            "2025-2030",
            None,
            "Councillor Rosa Pike (Cabinet Member Housing & Planning)",
        )
    ]


# Layouts of plans in general ---------------------------------------------------------------


def test_a_table_read_by_its_column_names_in_any_order_across_spanning_headings() -> None:
    facts = read_plan(
        text(
            "Community Safety Action Plan 2023-2026",
            "Ref | What we will do | By when | Who | Cabinet member | How we will measure success",
            "Priority 1: Safer neighbourhoods",
            "1.1 | Run a weekly joint patrol in the town centre | Q3 2024 | Neighbourhood "
            "Policing Inspector | Cllr Ann Lee | Fewer ASB reports",
            "1.2 | Launch a community trigger review panel | March 2025 | Head of Community "
            "Safety | Cllr Ann Lee | Panel meets quarterly",
            "Priority 2: Tackling domestic abuse",
            "2.1 | Commission a new refuge service | 2024/25 | Housing Lead | Cllr Raj Patel | "
            "Refuge open",
            format="docx",
        )
    )
    assert items(facts) == [
        ("priority", "Priority 1: Safer neighbourhoods", None, None, None),
        (
            "action",
            "Run a weekly joint patrol in the town centre",
            "Q3 2024",
            "Neighbourhood Policing Inspector",
            "Cllr Ann Lee",
        ),
        (
            "action",
            "Launch a community trigger review panel",
            "March 2025",
            "Head of Community Safety",
            "Cllr Ann Lee",
        ),
        ("priority", "Priority 2: Tackling domestic abuse", None, None, None),
        ("action", "Commission a new refuge service", "2024/25", "Housing Lead", "Cllr Raj Patel"),
    ]


def test_a_table_whose_lead_column_comes_first() -> None:
    facts = read_plan(
        text(
            "Owner | Target date | Activity",
            "Community Safety Manager | December 2024 | Refresh the CCTV strategy",
            "Licensing Team | Ongoing | Carry out joint licensing visits",
            format="docx",
        )
    )
    assert items(facts) == [
        ("action", "Refresh the CCTV strategy", "December 2024", "Community Safety Manager", None),
        ("action", "Carry out joint licensing visits", "Ongoing", "Licensing Team", None),
    ]


def test_a_printed_table_row_on_one_line_ends_with_its_lead_and_timescale() -> None:
    facts = read_plan(
        text(
            "Action Lead Timescale",
            "1. Review the ASB policy with partners Head of Community Safety Ongoing",
            "2. Deliver training to frontline staff Training Lead March 2025",
            "Our approach",
            "The partnership works with residents to make the borough safer, and this plan sets "
            "out how it will do so over the three years from 2022.",
            format="pdf",
        )
    )
    assert items(facts) == [
        (
            "action",
            "Review the ASB policy with partners",
            "Ongoing",
            "Head of Community Safety",
            None,
        ),
        ("action", "Deliver training to frontline staff", "March 2025", "Training Lead", None),
    ]


def test_fields_under_a_priority_heading_and_priorities_numbered_by_code() -> None:
    facts = read_plan(
        text(
            "Priority 1: Reduce serious violence",
            "Lead: Violence Reduction Unit",
            "Timescale: 2023/24",
            "Portfolio holder: Cllr Sam Hart",
            "P2: Stronger communities",
            "Timescale: Ongoing",
        )
    )
    assert items(facts) == [
        (
            "priority",
            "Priority 1: Reduce serious violence",
            "2023/24",
            "Violence Reduction Unit",
            "Cllr Sam Hart",
        ),
        ("priority", "P2: Stronger communities", "Ongoing", None, None),
    ]


def test_these_are_the_actions_closed_by_a_full_stop_leads_in_its_list() -> None:
    facts = read_plan(
        text(
            "Nature actions 2022 – 2027",
            "These are the actions that will help to deliver the Nature objectives.",
            "Carbon audit and baseline set for the Park in 2022.",
            "Annual reporting on progress in achieving net zero.",
            format="html",
        )
    )
    assert items(facts) == [
        ("action", "Carbon audit and baseline set for the Park in 2022.", "2022", None, None),
        ("action", "Annual reporting on progress in achieving net zero.", None, None, None),
    ]


def test_one_line_gives_an_item_several_fields() -> None:
    facts = read_plan(
        text(
            "Our actions:",
            "1. Refresh the CCTV strategy",
            "Lead: Community Safety Manager | Timescale: December 2024",
            "2. Carry out joint licensing visits",
            "Lead officer: Licensing Team; By when: Ongoing",
            format="docx",
        )
    )
    assert items(facts) == [
        ("action", "Refresh the CCTV strategy", "December 2024", "Community Safety Manager", None),
        ("action", "Carry out joint licensing visits", "Ongoing", "Licensing Team", None),
    ]


def test_fields_run_together_with_no_space_between_cells() -> None:
    facts = read_plan(
        text(
            "Objective One",
            "To help older residents stay independent at home we will:",
            "1a. Extend the handyperson scheme to every ward.",
            "Cabinet Portfolio: Adult CareSLT Lead: HousingService Area: Home Improvement",
        )
    )
    assert items(facts) == [
        ("objective", "To help older residents stay independent at home", None, None, None),
        ("action", "Extend the handyperson scheme to every ward.", None, "Housing", "Adult Care"),
    ]


def test_a_sentence_counting_the_marked_list_after_it_introduces_it() -> None:
    facts = read_plan(
        text(
            "We are reviewing our priorities over the coming years.",
            "The plan sets out three key priorities for the district.",
            "1. Safer town centres.",
            "2. Cleaner streets.",
            "Each has a lead officer.",
            "The plan has two priorities that matter most.",
            "Residents told us so in the survey.",
        )
    )
    assert items(facts) == [
        ("priority", "Safer town centres.", None, None, None),
        ("priority", "Cleaner streets.", None, None, None),
    ]


def test_marked_siblings_of_a_pledge_are_actions_and_recurring_ones_say_how_often() -> None:
    facts = read_plan(
        text(
            "Safer Anytown Strategy 2024-27",
            "- We will set up a partnership board.",
            "- Each year we will publish a progress report.",
            "- Share data with the county partnership.",
            "- We will refresh the strategy every two years.",
        )
    )
    assert items(facts) == [
        ("action", "We will set up a partnership board.", None, None, None),
        ("action", "Each year we will publish a progress report.", "Each year", None, None),
        ("action", "Share data with the county partnership.", None, None, None),
        ("action", "We will refresh the strategy every two years.", "every two years", None, None),
    ]


def test_our_objective_labels_its_item_but_our_aim_is_the_plan_s() -> None:
    facts = read_plan(
        text(
            "Our Aim – Keep the county safe",
            "Priority: Good homes for all",
            "Our objective: Bring every council home up to standard.",
        )
    )
    assert items(facts) == [
        ("priority", "Good homes for all", None, None, None),
        ("objective", "Bring every council home up to standard.", None, None, None),
    ]


def test_deadlines_as_plans_write_them() -> None:
    facts = read_plan(
        text(
            "Theme 1: Reducing reoffending",
            "We will:",
            "• expand the integrated offender management scheme by end of year 1",
            "• review the housing offer for prison leavers by Q3 2024",
            "• publish the needs assessment by 31/03/2025",
        )
    )
    assert [p.timescale for p in facts.priorities] == [
        None,
        "end of year 1",
        "Q3 2024",
        "31/03/2025",
    ]


def test_headings_prose_outcomes_and_measures_are_no_items() -> None:
    facts = read_plan(
        text(
            "Safer Borough Strategy 2022-2025",
            "Our priorities",
            "Our priorities were chosen after consultation with residents and a strategic",
            "assessment of crime data across the borough during 2021.",
            "Key actions",
            "Partners have agreed a shared approach to information sharing across the",
            "borough and will keep it under review each year.",
            "Outcomes we want to see:",
            "• Fewer victims of crime",
            "• Residents feel safer",
            "Measure | Baseline | Target",
            "Reported ASB incidents | 1,200 | 1,000",
            format="pdf",
        )
    )
    assert facts.priorities == []


def test_a_contents_list_gives_each_priority_once_without_its_page() -> None:
    facts = read_plan(
        text(
            "Contents",
            "Priority 1: Safer streets ....... 4",
            "Priority 2: Stronger communities ....... 9",
            "Priority 1: Safer streets",
            format="pdf",
        )
    )
    assert [p.text for p in facts.priorities] == [
        "Priority 1: Safer streets",
        "Priority 2: Stronger communities",
    ]


def test_a_sentence_listing_a_priority_s_parts_between_semicolons_gives_each_part() -> None:
    facts = read_plan(
        text(
            "Our two priorities are:",
            "- Safer town centres",
            "- This covers street drinking; shop theft; and bike crime.",
            "- Healthier homes",
        )
    )
    assert [(p.kind, p.text) for p in facts.priorities] == [
        ("priority", "Safer town centres"),
        ("objective", "street drinking"),
        ("objective", "shop theft"),
        ("objective", "bike crime"),
        ("priority", "Healthier homes"),
    ]


def test_priorities_run_together_in_a_sentence_are_each_an_item() -> None:
    facts = read_plan(
        text(
            "Last spring the district council agreed its new wellbeing plan.",
            "The priorities include warmer homes, safer parks and play areas, and fewer "
            "people sleeping rough.",
            "The plan sets out four shared aims of cleaner air, active travel, loneliness, "
            "and food poverty, as well as a review of how partners report on them.",
            "The strategic assessment weighs the priorities of partners, residents' views, "
            "recent trends and crime figures.",
        )
    )
    assert [(p.kind, p.text) for p in facts.priorities] == [
        ("priority", "warmer homes"),
        ("priority", "safer parks and play areas"),
        ("priority", "fewer people sleeping rough"),
        ("objective", "cleaner air"),
        ("objective", "active travel"),
        ("objective", "loneliness"),
        ("objective", "food poverty"),
    ]


def test_the_plan_s_own_aims_in_its_prose_are_objectives() -> None:
    facts = read_plan(
        text(
            "Introduction",
            "The Partnership aims to cut burglary in every ward. It meets four times a year.",
            "The project aims to plant trees along the canal path this winter and next.",
            "Our ambition is to halve repeat victimisation by the end of the plan period.",
        )
    )
    assert [(p.kind, p.text) for p in facts.priorities] == [
        ("objective", "cut burglary in every ward"),
        ("objective", "halve repeat victimisation by the end of the plan period"),
    ]


def test_an_aim_in_the_lines_describing_a_numbered_priority() -> None:
    facts = read_plan(
        text(
            "Our priorities are:",
            "1. Road safety",
            "Speeding near schools worries parents, and the aim is to slow traffic there.",
            "2. Fraud",
        )
    )
    assert [(p.kind, p.text) for p in facts.priorities] == [
        ("priority", "Road safety"),
        ("objective", "slow traffic there"),
        ("priority", "Fraud"),
    ]


def test_a_span_in_words_the_prose_gives_the_priorities_is_theirs() -> None:
    facts = read_plan(
        text(
            "This plan sets out our priorities over the next three years, agreed with partners.",
            "Priority 1 - Cleaner streets",
            "Priority 2 - Safer parks",
            "We agreed the priorities over the next two years (2024-2026) with residents.",
            "Priority 3 - Quieter nights",
        )
    )
    assert [(p.text, p.timescale) for p in facts.priorities] == [
        ("Priority 1 - Cleaner streets", "over the next three years"),
        ("Priority 2 - Safer parks", "over the next three years"),
        ("Priority 3 - Quieter nights", "over the next three years"),
    ]


def test_priorities_titled_with_a_colon_over_the_paragraphs_that_discuss_them() -> None:
    facts = read_plan(
        text(
            "Themes for 2025 to 2027",
            "Keeping young people safe:",
            "Young people told us they feel unsafe after dark. We will open youth hubs on "
            "Friday evenings in each town.",
            "Supporting victims of fraud:",
            "Older residents lose the most to scams each year. We will train bank staff to "
            "spot fraud as it happens.",
        )
    )
    assert items(facts) == [
        ("priority", "Keeping young people safe", "2025 to 2027", None, None),
        ("action", "We will open youth hubs on Friday evenings in each town.", None, None, None),
        ("priority", "Supporting victims of fraud", "2025 to 2027", None, None),
        ("action", "We will train bank staff to spot fraud as it happens.", None, None, None),
    ]


def test_unmarked_priorities_each_followed_by_paragraphs_about_it() -> None:
    facts = read_plan(
        text(
            "Our three priorities are:",
            "Cleaner neighbourhoods",
            "Fly-tipping reports have doubled since 2021 across the rural wards of the district.",
            "The aim is to clear every reported tip within two working days.",
            "Safer roads",
            "Collisions near schools rose last year, so partners will target speeding drivers.",
            "Stronger communities",
            format="html",
        )
    )
    assert [(p.kind, p.text) for p in facts.priorities] == [
        ("priority", "Cleaner neighbourhoods"),
        ("objective", "clear every reported tip within two working days"),
        ("priority", "Safer roads"),
        ("priority", "Stronger communities"),
    ]


def test_an_outcome_heading_named_with_its_scope_before_the_label() -> None:
    facts = read_plan(
        text(
            "Youth Justice Outcome 1 : Fewer first-time entrants",
            "Partnership Outcome 2:",
            "Victims feel heard at every stage",
            "Youth Justice Outcome 3",
            "Reporting Indicators",
        )
    )
    assert [(p.kind, p.text) for p in facts.priorities] == [
        ("objective", "Youth Justice Outcome 1 : Fewer first-time entrants"),
        ("objective", "Victims feel heard at every stage"),
    ]


def test_sentences_opening_with_their_work_in_a_priority_s_paragraph_are_actions() -> None:
    facts = read_plan(
        text(
            "Our priorities for the next three years are:",
            "1. Night-time economy",
            "Train door staff to spot vulnerable people, extend the taxi marshal scheme, "
            "and support street pastors in the town centre. Footfall has grown since 2022.",
            "2. Hate crime",
            "Encouraging victims to report incidents to third-party centres. Tackling hate "
            "crime and supporting victims are central to this priority.",
        )
    )
    assert [(p.kind, p.text) for p in facts.priorities] == [
        ("priority", "Night-time economy"),
        ("action", "Train door staff to spot vulnerable people"),
        ("action", "extend the taxi marshal scheme"),
        ("action", "support street pastors in the town centre."),
        ("priority", "Hate crime"),
        ("action", "Encouraging victims to report incidents to third-party centres."),
    ]


def test_contents_entries_numbered_as_sections_give_their_items() -> None:
    facts = read_plan(
        text(
            "Table of Contents",
            "1. INTRODUCTION ........................ 2",
            "2. OUR PRIORITIES ...................... 3",
            "2.1. Burglary and theft from vehicles .......... 3",
            "2.2. Exploitation of young people .......... 5",
            "3. Achievements against last year's priorities .......... 7",
            format="pdf",
        )
    )
    assert [(p.kind, p.text) for p in facts.priorities] == [
        ("priority", "Burglary and theft from vehicles"),
        ("priority", "Exploitation of young people"),
    ]


def test_a_contents_list_without_its_title_gives_the_priorities_it_numbers() -> None:
    facts = read_plan(
        text(
            "1 Introduction 2",
            "2 Where we are now 4",
            "3 Strategic priority 1: Jobs- growing the firms we already have 7",
            "4 Strategic priority 2: Homes- building the homes that local families can "
            "afford to rent 9",
        )
    )
    assert [(p.kind, p.text) for p in facts.priorities] == [
        ("priority", "Strategic priority 1: Jobs- growing the firms we already have"),
        (
            "priority",
            "Strategic priority 2: Homes- building the homes that local families can afford "
            "to rent",
        ),
    ]


def test_a_heading_over_the_partnership_s_achievements_ends_the_list_above_it() -> None:
    facts = read_plan(
        text(
            "The partnership agreed these priorities for 2019-22:",
            "Reducing burglary",
            "Supporting victims of fraud",
            "Progress & Achievements",
            "Burglaries reported to the police fell in the first year and more victims of fraud "
            "were referred for support",
        )
    )
    assert [(p.kind, p.text) for p in facts.priorities] == [
        ("priority", "Reducing burglary"),
        ("priority", "Supporting victims of fraud"),
    ]


def test_key_areas_and_areas_of_focus_are_a_plan_s_priorities() -> None:
    facts = read_plan(
        text(
            "The board has agreed four key areas where working together makes most difference.",
            "The key areas are:",
            "1. Helping older residents stay independent.",
            "2. Giving children a healthy start.",
            "Our areas of focus for the year ahead:",
            "Loneliness among carers",
            "Access to green spaces",
        )
    )
    assert [(p.kind, p.text) for p in facts.priorities] == [
        ("priority", "Helping older residents stay independent."),
        ("priority", "Giving children a healthy start."),
        ("priority", "Loneliness among carers"),
        ("priority", "Access to green spaces"),
    ]


def test_a_table_whose_cells_slashes_part_and_whose_rows_run_over_lines() -> None:
    facts = read_plan(
        text(
            "ACTION / TARGET DATE / RAG STATUS",
            "(to be completed at year end)",
            "Run two cycle marking days in the town centre / Jun 2025",
            "Youth outreach on the estates - carried over from last year",
            "Detached youth workers to visit the three parks on Friday nights / Sept 2025",
            "Publish a leaflet on doorstep scams for carers / relatives / Dec 2025",
            "Theme / Evidence / Key Activities / Partners",
            "Rural crime / Thefts of farm machinery rose by a third last year.",
            "Farmers say they report less than they used to. / Farm watch relaunch",
            "Trail camera loans to farms / Police",
            "Parish councils",
        )
    )
    assert [(p.kind, p.text, p.timescale) for p in facts.priorities] == [
        ("action", "Run two cycle marking days in the town centre", "Jun 2025"),
        (
            "action",
            "Youth outreach on the estates - carried over from last year Detached youth "
            "workers to visit the three parks on Friday nights",
            "Sept 2025",
        ),
        ("action", "Publish a leaflet on doorstep scams for carers / relatives", "Dec 2025"),
        ("priority", "Rural crime", None),
        ("action", "Farm watch relaunch", None),
        ("action", "Trail camera loans to farms", None),
    ]


# Inputs that are no such document ---------------------------------------------------------

READERS = (read_plan, read_structure, read_decision)


@pytest.mark.parametrize("reader", READERS)
def test_an_empty_text_has_no_facts(reader: object) -> None:
    assert callable(reader)
    facts = reader(text())
    assert isinstance(facts, DocumentFacts)
    assert not (facts.priorities or facts.relations or facts.actions or facts.people)
    assert facts.title is None


def test_minutes_handed_to_read_plan_give_no_priorities() -> None:
    minutes = read(CORPUS / "arun-minutes-2023-01" / "source.html")
    facts = read_plan(minutes)
    assert facts.kind == "plan"
    assert facts.priorities == []


@pytest.mark.parametrize("reader", READERS)
def test_long_and_odd_texts_are_read_without_failing(reader: object) -> None:
    """(How long reading takes is measured by `make bench`, never in a test.)"""
    assert callable(reader)
    paragraphs = [
        *DURHAM.lines,
        *KIRKLEES.lines,
        *ASHFIELD.lines,
        "Action | Lead | Timescale",
        "Priority 1:",
        "| | |",
        "The Board reports to the Cabinet and " * 300,
        "·",
        "(",
    ]
    lines = tuple(f"{line} {n}" for n, line in enumerate(paragraphs * 60))[:2000]
    for format in ("text", "pdf"):
        facts = reader(text(*lines, format=format))
        assert all(1 <= p.line <= len(lines) for p in facts.priorities)
        assert all(r.source and r.target and 1 <= r.line <= len(lines) for r in facts.relations)


# The tuning corpus -------------------------------------------------------------------------

FLOORS = {"priorities": (0.59, 0.86), "relations": (0.53, 0.82), "actions": (0.70, 0.85)}
"""(recall, precision) reached on the tuning documents, less a fact or two's worth. The
priorities floor fell from 0.62 as 35 documents from 35 more councils joined the tuning
set this round: scored before any rule was written from them, they gave 5 of 129
priorities (the first 21: 2 of 65; the next 14: 3 of 64). The relations precision floor
fell from 0.80 as 4 structure pages from 4 more councils joined: read first, they gave 14
relations of which 2 were right, most of the rest members read from "made up of a number
of organisations" and the like. It fell from 0.78 to 0.73 as 4 more structure pages joined
from 4 more councils, with one page held out before and moved to tuning: read first, most
of what they gave wrong was a sub-group's list of duties read as groups and a group called
"the group" left unresolved; the documents that were there before stay at 80%. The floors
rose to what the rules reach (priorities 71%, relations 59% / 82%) when "the group" of a
sub-group's own text came to mean that sub-group and bodies counted, then named ("five
groups report to the Board. These are: ...") came to be read, and the relations floor to
(0.60, 0.83) when 8 structure pages from 8 more councils joined (read first, 27 of their
82 relations) and the rules written from them (members listed under a line naming them by
their kind or count) took them to 57. The relations floor fell to 0.58 when 8 more joined
from 8 more councils and partnerships (read first, 20 of their 72 relations; after the
rules written from them, 32). The priorities floor fell from (0.70, 0.93) to (0.66, 0.87)
when 12 plans and strategies from 12 more councils and commissioners joined (read first,
32 of their 83 priorities at 51% precision; one rule, for actions numbered "1a.", was
written from them that round). It rose to (0.69, 0.90) with the rules written from those 12
in the round after (a heading named by the purpose of its list, fields run together, a
sentence counting its list, a pledge's marked siblings, "Our objective:"), and the
relations precision floor to 0.84 with the rules written from 5 more structure pages (read
first, 11 of their 40 relations; after the rules, 18) that joined in that round. The
priorities floor fell to (0.67, 0.88) when 4 plans and 3 decision records from 7 more
councils and authorities joined in the round after (read first, 4 of their 26 priorities
at 17% precision: two parish action tables captured a cell a line, a national park's
actions whose leads are a line of partners below them); after that round's rules, 6 at
32%. The relations precision floor fell back to 0.83 with them (2 relations found in
them, neither right: 0.8396 reached), and the decisions' actions floor from 0.75 to 0.70:
read first the 3 records gave none of their 7 actions; work delegated or authorised
("Delegate authority to ...", "authority ... be given to Officers", "Cabinet authorised the
Chief Executive to ...") then gave 4, and the 2 left are a consultation authorised with no
one named and a further report the cabinet agreed to receive. The relations floor fell to
0.56 when 6 structure pages from 6 more councils and partnerships joined in the round
after (read first, 10 of their 75 relations at 67% precision; after the rules written from
them, 22 at 79%: members after "made up of the following statutory bodies;", "Organisations
joining the board include ...", a proper name among the organisations a list names, a
list's last "... and the ..."). The priorities floor fell from 0.67 to 0.62 when 6 plans
and strategies from 6 more bodies joined in the round after (a national park's outcomes by
2028 under themes, a commissioner's aims each over "We'll ..." commitments, a plan on a
page under its headings, a theory of change's outcomes and impacts): read first they gave
7 of 83 priorities, and 24 after the rules written from them ("They are:" after the
paragraph naming the objectives, actions under "Surrey Police will…" led by it); without
them the rules give 406 of 602 (0.674). The relations floor fell to 0.55 (0.559 reached)
when 3 structure pages from 3 more partnerships joined in the round after (the Tayside
collaborative, the North East and North Cumbria integrated care partnership, the Belfast
region city deal): read first they gave 11 of their 51 relations, and 20 after the rules
written from them (words in lower case before a name only describing it); without them
the rules give 554 of 976 (0.568). The priorities floor fell from (0.62, 0.88) to (0.60,
0.87) (0.605 and 0.876 reached) when 5 plans from 5 more bodies joined in the round after
(two parish and town councils' action tables, an AONB's coded actions and targets, a
national park's delivery plan, a police force's action plan): read first they gave 4 of
their 54 items, and 12 after the rule written from them (the marked lines under an action
plan's heading are its actions, which gave a tuning strategy 5 more; 19 found in them, 12
right); without them the rules give 435 of 685 (0.635) at 0.886. The priorities precision
floor fell from 0.87 to 0.86 (0.865 reached) when 5 plans and strategies from 5 more bodies
joined in the round of 3 December 2026, night (two safeguarding adults boards' plans, a
commissioner's plan, a safeguarding children partnership's priorities, a community safety
strategy's priority areas): read first they gave 24 of their 50 items at 62% precision,
and 28 at 72% after "I will:" came to lead nothing (a commissioner's plan speaks in the
first person); without them the rules give 0.876. The 5 structure pages of that round
gave 6 of their 70 relations read first, and 26 after its rules (members listed after a
label that says what they are, "Partners with a statutory duty ...: A, B and C"); the
relations floor holds at 0.55 (0.551 reached; 0.562 without them). It fell to 0.54 (0.543
reached) when 5 structure pages from 5 more bodies joined in the round of 4 December 2026
(two Welsh public services boards' pages, a health and wellbeing board's terms of
reference, a district's community safety partnership page, a police and crime panel's
page): read first they gave 9 of their 40 relations at 64% precision, and no more after
the round's rule (a list under a heading of members alone, whose lists there are not
bulleted); without them the rules give 681 of 1,230 (0.554). The 4 plans and strategies
of that round gave 19 of their 31 items, all right, read first. The relations floor fell
to 0.53 (0.534 reached, precision 0.833) when 5 structure pages from 5 more partnerships
joined in the round after (a safeguarding children partnership's sub-groups, a youth
offending service's management board, two local strategic partnerships, a community safety
partnership's members): read first they gave 9 of their 40 relations at 45% precision,
sub-groups' chairs on a line of their own under each group's name ("Chaired by Police")
given to the section's heading; without them the rules give 0.543 and 0.843. The relations
floor rose to 0.54 and its precision floor fell to 0.82 (0.542 and 0.827 reached) when
members listed in the past tense came to be read ("consisted of", "included representation
from", "constituting of"): 10 more relations matched, and a page whose reader listed none of
the members its "included representation from ..." names gave 9 that count as wrong. Both
floors fell (priorities to 0.59, 0.593 reached; relations to 0.53, 0.532 reached) when 5
structure pages and 3 plans and strategies from 8 more bodies joined in the round after (a
police and community safety partnership's launch, two community safety partnerships'
scrutiny papers, two joint committees' pages, a crime reduction strategy, a council's
business plan, a health and wellbeing plan's contents): read first they gave 4 of their 47
relations and 3 of their 18 items; after the rules written from them and the tuning misses
("a joint committee of A, B and C" lists its members; "the overall decision making body
of" governs), 6 relations; without them the rules give 0.602 and 0.546."""


def test_tuning_documents_reach_their_floors() -> None:
    readers = {"plan": read_plan, "governance": read_structure, "decision": read_decision}
    chosen: list[Fixture] = [f for f in fixtures("tuning") if f.kind in readers]
    assert chosen and all(f.split == "tuning" for f in chosen)
    scores = score((f, readers[f.kind](read(f.path))) for f in chosen)
    print()
    print(table(scores))
    for kind, (recall, precision) in FLOORS.items():
        assert scores[kind].recall >= recall, (kind, scores[kind].missed)
        assert scores[kind].precision >= precision, (kind, scores[kind].wrong)


# Structures: general forms of terms of reference -------------------------------------------


def test_a_body_holds_several_groups_to_account_and_lists_its_parts() -> None:
    facts = read_structure(
        text(
            "Safer Sutton Partnership",
            "The Partnership holds the Anti-Social Behaviour Group, the Reducing Reoffending "
            "Board and the Domestic Abuse Steering Group to account.",
            "The Partnership has three sub-groups: the Violence Group, the Drugs Group and the "
            "Youth Group.",
            "The Partnership's sub-groups are:",
            "• Prevent Board",
            "• Consultative forums and groups",
        )
    )
    partnership = "Safer Sutton Partnership"
    assert ends(facts.relations) == {
        *(
            (group, "accountable_to", partnership)
            for group in (
                "Anti-Social Behaviour Group",
                "Reducing Reoffending Board",
                "Domestic Abuse Steering Group",
            )
        ),
        *(
            (group, "part_of", partnership)
            for group in (
                "Violence Group",
                "Drugs Group",
                "Youth Group",
                "Prevent Board",
                "Consultative forums and groups",
            )
        ),
    }


def test_a_table_of_groups_with_their_chairs_and_whom_they_report_to() -> None:
    facts = read_structure(
        text(
            "Safer Sutton Partnership",
            "Group | Chair | Reports to",
            "Anti-Social Behaviour Group | Inspector Smith | Safer Sutton Partnership Board",
            "Prevent Board | n/a | Board",
            "Budget | 2024 | 2025",
        )
    )
    assert ends(facts.relations) == {
        ("Anti-Social Behaviour Group", "chaired_by", "Inspector Smith"),
        ("Anti-Social Behaviour Group", "reports_to", "Safer Sutton Partnership Board"),
        ("Prevent Board", "reports_to", "Safer Sutton Partnership Board"),
    }


def test_the_council_keeps_its_article_and_a_count_of_groups_is_no_body() -> None:
    facts = read_structure(
        text(
            "Safer Sutton Partnership",
            "The Safer Sutton Partnership (SSP) is accountable to the Council.",
            "The SSP Board is supported by four delivery groups, each of which is led by a "
            "member of the Board.",
            "The Forum is chaired by the cabinet member for community safety and equalities "
            "and its membership includes local councillors.",
        )
    )
    assert ends(facts.relations) == {
        ("Safer Sutton Partnership (SSP)", "accountable_to", "the Council"),
        ("Forum", "chaired_by", "cabinet member for community safety and equalities"),
        ("local councillors", "part_of", "Forum"),
    }


def test_members_run_on_after_who_they_are_in_the_same_sentence() -> None:
    facts = read_structure(
        text(
            "Safer Riverside",
            "The responsible authorities for the Safer Riverside Partnership are Riverside "
            "Borough Council, Lowland Police, Lowland Fire and Rescue Service and the Lowland "
            "Integrated Care Board.",
            "The following organisations are invited to attend the Partnership.",
            "Two more bodies are required by law to sit on the Riverside Policing Board. These "
            "organisations are the Lowland Housing Executive and the Lowland Probation Board.",
        )
    )
    partnership, board = "Safer Riverside Partnership", "Riverside Policing Board"
    assert ends(facts.relations) == {
        ("Riverside Borough Council", "part_of", partnership),
        ("Lowland Police", "part_of", partnership),
        ("Lowland Fire and Rescue Service", "part_of", partnership),
        ("Lowland Integrated Care Board", "part_of", partnership),
        ("Lowland Housing Executive", "part_of", board),
        ("Lowland Probation Board", "part_of", board),
    }


def test_groups_each_heading_their_own_description_after_a_lead_in() -> None:
    facts = read_structure(
        text(
            "Board Structure",
            "The Riverside Adults Board is supported by three subgroups:",
            "The Learning Group",
            "Meets every quarter to review what the case reviews have taught partners.",
            "The Quality Group",
            "Looks at audits and data from all partners.",
            "Contact us",
            "The Riverside Adults Board is supported by an office.",
        )
    )
    board = "Riverside Adults Board"
    assert ends(facts.relations) == {
        ("Learning Group", "part_of", board),
        ("Quality Group", "part_of", board),
    }


def test_groups_named_before_a_colon_after_the_arrangements_a_body_has_in_place() -> None:
    facts = read_structure(
        text(
            "Partnership groups",
            "The Riverside Safeguarding Partnership has put in place the following arrangements:",
            "Executive Group: this group sets the priorities of the partnership and agrees "
            "its business plan each year with the three statutory partners.",
            "Practice Group: this group looks at the work of front line staff across every "
            "agency and shares what they learn with the whole partnership.",
            format="docx",
        )
    )
    partnership = "Riverside Safeguarding Partnership"
    assert ends(facts.relations) == {
        ("Executive Group", "part_of", partnership),
        ("Practice Group", "part_of", partnership),
    }


def test_a_group_set_up_to_act_on_a_board_s_behalf_delivers_for_it() -> None:
    facts = read_structure(
        text(
            "Riverside Safeguarding",
            "As well as the two Boards, the RSAB and RSCB have set up a number of subgroups to "
            "carry out specific work on their behalf.",
            "The Riverside Delivery Group includes managers from every agency and they may set "
            "up a task and finish group to do so on its behalf.",
        )
    )
    assert ends(facts.relations) == {
        ("subgroups", "delivers_for", "RSAB"),
        ("subgroups", "delivers_for", "RSCB"),
        ("task and finish group", "delivers_for", "Riverside Delivery Group"),
        ("managers from every agency", "part_of", "Riverside Delivery Group"),
    }


def test_a_body_that_brings_partners_together_has_them_as_members() -> None:
    facts = read_structure(
        text(
            "Safer Brookfield",
            "The Safer Brookfield Partnership brings together public and voluntary sector "
            "organisations to cut crime in the borough.",
            "Its purpose is to bring together local residents to agree the priorities.",
        )
    )
    assert ends(facts.relations) == {
        (
            "public and voluntary sector organisations",
            "part_of",
            "Safer Brookfield Partnership",
        ),
    }


def test_members_named_after_brings_together_are_each_one() -> None:
    facts = read_structure(
        text(
            "Safer Brookfield",
            "The Safer Brookfield Partnership brings together Brookfield Council, Millshire "
            "Police and the NHS.",
        )
    )
    assert ends(facts.relations) == {
        ("Brookfield Council", "part_of", "Safer Brookfield Partnership"),
        ("Millshire Police", "part_of", "Safer Brookfield Partnership"),
        ("NHS", "part_of", "Safer Brookfield Partnership"),
    }


def test_words_in_lower_case_before_a_body_s_name_only_describe_it() -> None:
    facts = read_structure(
        text(
            "Millshire Collaborative",
            "The Millshire Collaborative is led by a high level Strategic Group.",
            "The Strategic Group is chaired by the council's Chief Executive.",
        )
    )
    assert ends(facts.relations) == {
        ("Strategic Group", "governs", "The Millshire Collaborative"),
        ("Strategic Group", "chaired_by", "council's Chief Executive"),
    }


def test_they_and_these_groups_stand_for_every_body_the_sentence_before_listed() -> None:
    facts = read_structure(
        text(
            "Millshire Community Justice",
            "The Alpha Delivery Group and the Beta Delivery Group will support the Millshire "
            "Board. These groups will report into the Millshire Board.",
            "The Community Justice Delivery Groups will support the Millshire Board. They "
            "are overseen by the Millshire Board.",
            "The Priority Subgroups consist of: Gamma Group; Delta Board.",
        )
    )
    assert ends(facts.relations) == {
        ("Alpha Delivery Group", "reports_to", "Millshire Board"),
        ("Beta Delivery Group", "reports_to", "Millshire Board"),
        ("Community Justice Delivery Groups", "overseen_by", "Millshire Board"),
        ("Gamma Group", "part_of", "Priority Subgroups"),
        ("Delta Board", "part_of", "Priority Subgroups"),
    }


def test_representatives_of_a_named_body_and_a_composition_listed_after_a_colon_and_dash() -> None:
    facts = read_structure(
        text(
            "Millshire Partnerships",
            "Millshire CSP is made up of representatives from Millshire Police, Millshire "
            "Council and representatives from local businesses.",
            "The composition of the Resilience Group is: -",
            "Millshire Police (Chief Constable chairs the Group)",
            "Millshire Fire & Rescue Service",
        )
    )
    assert ends(facts.relations) == {
        ("Millshire Police", "part_of", "Millshire CSP"),
        ("Millshire Council", "part_of", "Millshire CSP"),
        ("representatives from local businesses", "part_of", "Millshire CSP"),
        ("Millshire Police", "part_of", "Resilience Group"),
        ("Millshire Fire & Rescue Service", "part_of", "Resilience Group"),
        ("Resilience Group", "chaired_by", "Chief Constable"),
    }


def test_a_theme_or_field_of_work_led_by_a_body_is_governed_by_it() -> None:
    facts = read_structure(
        text(
            "Brookfield Community Planning",
            "The plan now has two priorities:",
            "Housing - led by the Brookfield Housing Forum",
            "Community planning in Brookfield is led by the Brookfield Partnership Board.",
            "Brookfield's is led by the council.",
        )
    )
    assert ends(facts.relations) == {
        ("Brookfield Housing Forum", "governs", "Housing"),
        ("Brookfield Partnership Board", "governs", "Community planning in Brookfield"),
    }


def test_a_chair_named_beside_their_title_chairs_the_body_it_names() -> None:
    facts = read_structure(
        text(
            "Greywater Community Safety Partnership",
            "Councillor Ann Price, Chair of the Greywater Community Safety Partnership, and "
            "Tom Hale, Vice Chair, open this year's report.",
            "The evening was hosted by the Greywater Youth Forum Chair, Alderman Paul Reed.",
            "Also speaking was the Chair of the Regional Fire Authority, Sara Lund, who praised "
            "the Police Inspector, Chair of no body at all.",
        )
    )
    assert ends(facts.relations) == {
        ("Greywater Community Safety Partnership", "chaired_by", "Ann Price"),
        ("Greywater Youth Forum", "chaired_by", "Paul Reed"),
        ("Regional Fire Authority", "chaired_by", "Sara Lund"),
    }


def test_a_group_that_reports_its_progress_to_a_body_reports_to_it() -> None:
    facts = read_structure(
        text(
            "Millbrook Partnership",
            "The Millbrook Housing Group meets monthly and reports on its progress twice a year "
            "to the Millbrook Partnership Board.",
            "The Millbrook Youth Panel will report performance on a quarterly basis to the "
            "Millbrook Children's Board.",
        )
    )
    assert ends(facts.relations) == {
        ("Millbrook Housing Group", "reports_to", "Millbrook Partnership Board"),
        ("Millbrook Youth Panel", "reports_to", "Millbrook Children's Board"),
    }


def test_a_vice_chair_does_not_chair_the_body() -> None:
    facts = read_structure(
        text(
            "Hillside Domestic Abuse Board",
            "The Chair of the Hillside Domestic Abuse Board is Mary Cole (Hillside Council).",
            "Vice Chair of the Board is Owen Hart (Hillside Police).",
        )
    )
    assert ends(facts.relations) == {
        ("Hillside Domestic Abuse Board", "chaired_by", "Mary Cole"),
    }


def test_a_body_named_by_what_it_is_called_is_the_body_its_kind_means() -> None:
    facts = read_structure(
        text(
            "Community Safety Partnership",
            "Every borough must have a Community Safety Partnership.",
            "Our partnership is called 'Safer Oakfield' and comprises of representatives from "
            "the following agencies:",
            "• Oakfield Council",
            "• Oakfield Fire and Rescue Service",
            "The partnership reports to the Oakfield Health and Wellbeing Board.",
        )
    )
    assert ends(facts.relations) == {
        ("Oakfield Council", "part_of", "Safer Oakfield"),
        ("Oakfield Fire and Rescue Service", "part_of", "Safer Oakfield"),
        ("Safer Oakfield", "reports_to", "Oakfield Health and Wellbeing Board"),
    }


def test_a_body_that_has_a_strategy_owns_it() -> None:
    facts = read_structure(
        text(
            "Safer Brookfield Partnership",
            "The Safer Brookfield Partnership has a three year strategy for 2024 to 2027.",
            "The Partnership has a duty to produce a plan each year.",
            "Brookfield Council and its partners have set out a plan for the town centre.",
        )
    )
    assert ends(facts.relations) == {
        ("Safer Brookfield Partnership", "owns", "three year strategy"),
    }


def test_parties_held_to_account_by_their_kind_are_accountable() -> None:
    facts = read_structure(
        text(
            "Safer Brookfield Partnership",
            "The Partnership will:",
            "• hold partners to account for the delivery of agreed outcomes",
            "• support each member to hold other organisations to account",
            "The Executive scrutinises performance by holding agencies to account.",
        )
    )
    assert ends(facts.relations) == {
        ("partners", "accountable_to", "Safer Brookfield Partnership"),
        ("agencies", "accountable_to", "Executive"),
    }


def test_a_chair_s_post_on_its_own_line_names_the_person_beside_it() -> None:
    facts = read_structure(
        text(
            "Brookfield Town Board",
            "Chair of Brookfield Youth Forum",
            "Priya Shah",
            "Chair of Brookfield Chamber of Trade Tom Webb",
            "Cllr Alan Forde",
            "Leader of Brookfield Council",
            "Chair of Safer Brookfield Partnership",
            "Parish Council",
        )
    )
    assert ends(facts.relations) == {
        ("Brookfield Youth Forum", "chaired_by", "Priya Shah"),
        ("Safer Brookfield Partnership", "chaired_by", "Cllr Alan Forde"),
    }


def test_partners_a_minute_reports_in_the_past_tense_are_members() -> None:
    facts = read_structure(
        text(
            "Safer Millford Partnership",
            "Statutory partners included: Millshire County Council, Millshire Police and the "
            "Probation Service together with other partners including Millford Housing Trust.",
            "The Partnership's wide membership included Millford University, the Office of the "
            "Police and Crime Commissioner (OPCC) and Millshire Fire & Rescue Service.",
            "Its funders included the Millford Trust.",
        )
    )
    assert ends(facts.relations) == {
        ("Millshire County Council", "part_of", "Safer Millford Partnership"),
        ("Millshire Police", "part_of", "Safer Millford Partnership"),
        ("Probation Service", "part_of", "Safer Millford Partnership"),
        ("Millford Housing Trust", "part_of", "Safer Millford Partnership"),
        ("Millford University", "part_of", "Safer Millford Partnership"),
        (
            "Office of the Police and Crime Commissioner (OPCC)",
            "part_of",
            "Safer Millford Partnership",
        ),
        ("Millshire Fire & Rescue Service", "part_of", "Safer Millford Partnership"),
    }


def test_its_membership_after_an_opening_aside_is_the_body_named_before() -> None:
    facts = read_structure(
        text(
            "Community safety",
            "Each district has a community safety partnership. In Millford, the Millford "
            "Community Safety Partnership does this work. Supported by the District Council, "
            "its membership includes Millshire Police, Millshire County Council and the "
            "Probation Service.",
        )
    )
    assert ends(facts.relations) == {
        ("Millshire Police", "part_of", "Millford Community Safety Partnership"),
        ("Millshire County Council", "part_of", "Millford Community Safety Partnership"),
        ("Probation Service", "part_of", "Millford Community Safety Partnership"),
    }


def test_a_list_under_a_heading_of_members_alone_lists_members() -> None:
    terms = read_structure(
        text(
            "Millford Health and Wellbeing Board",
            "The Board meets four times a year.",
            "4. Membership",
            "Voting Members",
            "- Director of Public Health, Millford Council",
            "- Millshire Police",
            "- Millford Council for Voluntary Service",
        )
    )
    board = "Millford Health and Wellbeing Board"
    assert ends(terms.relations) == {
        ("Director of Public Health", "part_of", board),
        ("Millshire Police", "part_of", board),
        ("Millford Council for Voluntary Service", "part_of", board),
    }
    contents = read_structure(
        text(
            "Appendix: Millford Domestic Abuse Board",
            "Contents",
            "Preamble",
            "Membership",
            "Chairman and Quorum",
            "Meetings and Decision Making",
            format="html",
        )
    )
    assert ends(contents.relations) == set()


def test_a_chair_named_before_their_posts_or_made_chair_in_a_minute() -> None:
    facts = read_structure(
        text(
            "Millford Community Safety Partnership",
            "Inspector Dan Rowe, Area Commander, Millshire Police, Chair of the Millford Youth "
            "Panel, gave a presentation.",
            "Deputy leader, Cllr Rita Vance, will remain as chair of the Millford Community "
            "Safety Partnership, while Cllr Joe Tait stays on as vice-chair.",
            "Present were Ann Lowe, Sam Kerr, Chair of the Millford Housing Forum.",
        )
    )
    assert ends(facts.relations) == {
        ("Millford Youth Panel", "chaired_by", "Dan Rowe"),
        ("Millford Community Safety Partnership", "chaired_by", "Rita Vance"),
        ("Millford Housing Forum", "chaired_by", "Sam Kerr"),
    }


def test_members_listed_under_a_body_that_includes_representatives_or_trails_off() -> None:
    facts = read_structure(
        text(
            "Safer Millford",
            "The Safer Millford Partnership includes representatives from:",
            "- Millford Borough Council",
            "- Millshire Police",
            "Millford Youth Network",
            "The partners of the Millford Youth Network include...",
            "• Millford College",
            "• Millshire County Council",
        )
    )
    assert ends(facts.relations) == {
        ("Millford Borough Council", "part_of", "Safer Millford Partnership"),
        ("Millshire Police", "part_of", "Safer Millford Partnership"),
        ("Millford College", "part_of", "Millford Youth Network"),
        ("Millshire County Council", "part_of", "Millford Youth Network"),
    }


def test_includes_after_it_or_a_clause_lists_the_subject_s_members() -> None:
    facts = read_structure(
        text(
            "Millford Community Safety Partnership",
            "The Millford Community Safety Partnership brings together local agencies. It "
            "includes Millford Council, Millshire Police and Millshire Fire and Rescue Service.",
            "The Millford Youth Panel, which is led by the council and includes Millford "
            "College, meets monthly.",
            "The Panel keeps a website. It includes news, reports and minutes.",
        )
    )
    assert ends(facts.relations) == {
        ("local agencies", "part_of", "Millford Community Safety Partnership"),
        ("Millford Council", "part_of", "Millford Community Safety Partnership"),
        ("Millshire Police", "part_of", "Millford Community Safety Partnership"),
        ("Millshire Fire and Rescue Service", "part_of", "Millford Community Safety Partnership"),
        ("Millford Council", "governs", "Millford Youth Panel"),
        ("Millford College", "part_of", "Millford Youth Panel"),
    }


def test_members_after_including_a_chair_named_as_chair_of_and_account_held_through() -> None:
    facts = read_structure(
        text(
            "Millford Public Services Board",
            "The board is a statutory partnership established under the 2015 Act including "
            "Millford Council, Millshire Health Board and Natural Resources Wales.",
            "The council's representation consisted of the Chief Executive as Chair of MCSP.",
            "Deputy leader Cllr Jo Hart will remain as chair of the partnership.",
            "The Council has a role in holding the Police and Crime Commissioner to account "
            "through the Police and Crime Panel.",
            "The Millford Partnership – comprising Millford Council, Millshire Police and the "
            "business sector - have given full support to the plan.",
            "Councillor, Ann Lee, as Chairman of the Millford Health Panel, thanked officers.",
            "The following information was highlighted for Members’ consideration:",
            "• The Millford Partnership Plan sets out four priorities.",
        )
    )
    assert ends(facts.relations) >= {
        ("Millford Council", "part_of", "Millford Public Services Board"),
        ("Millshire Health Board", "part_of", "Millford Public Services Board"),
        ("Natural Resources Wales", "part_of", "Millford Public Services Board"),
        ("MCSP", "chaired_by", "Chief Executive"),
        ("Police and Crime Commissioner", "accountable_to", "Police and Crime Panel"),
        ("the business sector", "part_of", "Millford Partnership"),
        ("Millford Health Panel", "chaired_by", "Ann Lee"),
    }
    assert not {r for r in facts.relations if r.type == "accountable_to" and "Council" in r.target}
    assert not {r for r in facts.relations if r.target.startswith("Deputy")}
    assert not {r for r in facts.relations if "Plan" in r.source}


def test_a_text_capture_s_list_without_bullets_names_one_body_a_line() -> None:
    facts = read_structure(
        text(
            "Local Criminal Justice Board",
            "The Millshire LCJB brings partners together to improve services to victims.",
            "In Millshire the LCJB consists of:",
            "Millshire Police",
            "Her Majesty's Prison Service",
            "Youth Offending Service",
            "The Board is further supported by the Witness Service.",
        )
    )
    assert ends(facts.relations) == {
        ("Millshire Police", "part_of", "Millshire LCJB"),
        ("Her Majesty's Prison Service", "part_of", "Millshire LCJB"),
        ("Youth Offending Service", "part_of", "Millshire LCJB"),
    }


def test_a_text_capture_s_sentence_after_a_lead_in_is_no_item() -> None:
    facts = read_structure(
        text(
            "Safer Millford Partnership",
            "The Safer Millford Partnership is made up of:",
            "Millford Borough Council",
            "the partners meet every quarter and publish their minutes",
        )
    )
    assert ends(facts.relations) == {
        ("Millford Borough Council", "part_of", "Safer Millford Partnership"),
    }


def test_members_a_relative_clause_lists_belong_to_the_body_it_hangs_from() -> None:
    facts = read_structure(
        text(
            "Home Office",
            "The partnerships offer leadership and bring local organisations together.",
            "Uniting leaders",
            "To achieve the change we want for people in Millshire, the VRP has convened an "
            "executive oversight group which includes representatives from:",
            "- Crown Prosecution Service",
            "- Millshire Police",
        )
    )
    assert ends(facts.relations) == {
        ("Crown Prosecution Service", "part_of", "executive oversight group"),
        ("Millshire Police", "part_of", "executive oversight group"),
    }


def test_a_lead_in_of_a_pronoun_alone_takes_its_kind_from_the_paragraph_before() -> None:
    facts = read_plan(
        text(
            "Police and Crime Plan",
            "The plan has three key objectives. All three are of equal importance to the "
            "communities of Millshire.",
            "They are:",
            "• Bringing offenders to justice;",
            "• Getting tough on drugs and gangs;",
            "• Using technology to combat crime.",
        )
    )
    assert items(facts) == [
        ("objective", "Bringing offenders to justice", None, None, None),
        ("objective", "Getting tough on drugs and gangs", None, None, None),
        ("objective", "Using technology to combat crime.", None, None, None),
    ]


def test_who_will_do_the_actions_a_lead_in_names_leads_each() -> None:
    facts = read_plan(
        text(
            "Police and Crime Plan",
            "To give communities a visible police presence:",
            "Millshire Police will…",
            "• Ensure police are aware of local issues",
            "My office will...",
            "• Promote the local policing teams",
            "Together we will…",
            "• Balance the demands of crime at home and online",
            "The Board will:",
            "• Review the plan each year",
            "I will:",
            "• Report back how many crimes are committed in each district",
        )
    )
    assert items(facts) == [
        ("action", "Ensure police are aware of local issues", None, "Millshire Police", None),
        ("action", "Promote the local policing teams", None, "My office", None),
        ("action", "Balance the demands of crime at home and online", None, None, None),
        ("action", "Review the plan each year", None, "Board", None),
        ("action", "Report back how many crimes are committed in each district", None, None, None),
    ]


def test_the_marked_lines_under_an_action_plan_s_heading_are_its_actions() -> None:
    facts = read_plan(
        text(
            "Domestic Abuse Action Plan",
            "Strategic Crime Priority – Domestic Abuse, Stalking & Harassment 2020-2021",
            "Domestic Abuse Action Plan 2020 - 2021",
            "• Ensure appropriate partnership systems and pathways are in place.",
            "• Prepare an internal and external communication strategy.",
        )
    )
    assert [(i.text, i.kind) for i in facts.priorities] == [
        ("Ensure appropriate partnership systems and pathways are in place.", "action"),
        ("Prepare an internal and external communication strategy.", "action"),
    ]


def test_a_members_lead_in_ending_in_a_semicolon_and_a_second_lead_in_among_its_items() -> None:
    """ "are;" leads in as "are:" does, and an item that is itself a lead-in ("we have
    representation from;") names no member."""
    facts = read_structure(
        text(
            "Millshire Criminal Justice Board",
            "The agencies that make up Millshire LCJB are;",
            "• Millshire Police",
            "• Crown Prosecution Service (CPS)",
            "• In addition, to the main criminal justice agencies, we have representation from;",
            "• The Legal Aid Agency",
        )
    )
    assert ends(facts.relations) == {
        ("Millshire Police", "part_of", "Millshire LCJB"),
        ("Crown Prosecution Service (CPS)", "part_of", "Millshire LCJB"),
        ("Legal Aid Agency", "part_of", "Millshire LCJB"),
    }


def test_partners_listed_under_their_own_capitalised_name_are_its_members() -> None:
    facts = read_structure(
        text(
            "Millshire Safeguarding Children Partnership",
            "Our statutory partners are one Local Authority, one Integrated Care Board and one "
            "Police force. The Millshire Integrated Care Board funds the work.",
            "The three Lead Safeguarding Partners are:",
            "– Millshire Constabulary: Jo Smith, Chief Constable",
            "– Millshire Council: Sam Lee, CEO",
            "The three statutory Safeguarding Partners are Millshire Council and Millshire Police.",
        )
    )
    members = {(s, t) for s, kind, t in ends(facts.relations) if kind == "part_of"}
    assert ("Millshire Constabulary", "Lead Safeguarding Partners") in members
    assert ("Millshire Council", "Lead Safeguarding Partners") in members
    assert ("Millshire Police", "statutory Safeguarding Partners") in members
    assert not any(t == "Millshire Integrated Care Board" for _, t in members)


def test_members_named_as_examples_after_such_as_or_i_e_are_each_one() -> None:
    facts = read_structure(
        text(
            "Millshire Community Safety",
            "The Review Panel consists of senior officers from different agencies such as "
            "health, adult social care and the police.",
            "The county has local Community Safety Partnerships, made up of representatives "
            "from responsible authorities, i.e. local authorities, police, fire and the probation "
            "service.",
        )
    )
    members = {(s, t) for s, kind, t in ends(facts.relations) if kind == "part_of"}
    assert {("health", "Review Panel"), ("adult social care", "Review Panel")} <= members
    assert ("the police", "Review Panel") in members
    assert {
        ("local authorities", "Community Safety Partnerships"),
        ("police", "Community Safety Partnerships"),
        ("fire", "Community Safety Partnerships"),
        ("the probation service", "Community Safety Partnerships"),
    } <= members


def test_a_person_or_post_that_chairs_a_body_in_so_many_words_chairs_it() -> None:
    facts = read_structure(
        text(
            "Millshire Resilience Forum",
            "The Director of Policing chairs the Programme Board.",
            "The PCC Jo Smith currently chairs the Millshire LCJB and works with its members.",
            "Sub-group Chairs and safeguarding leads attend the Board in an advisory capacity.",
            "The Police and Crime Commissioner chairs the Reducing Reoffending Board.",
        )
    )
    assert {r for r in ends(facts.relations) if r[1] == "chaired_by"} == {
        ("Programme Board", "chaired_by", "Director of Policing"),
        ("Millshire LCJB", "chaired_by", "Jo Smith"),
        ("Reducing Reoffending Board", "chaired_by", "Police and Crime Commissioner"),
    }


def test_members_listed_after_a_label_that_says_what_they_are() -> None:
    facts = read_structure(
        text(
            "Millshire Partnership",
            "Millshire Partnership Board Members",
            "Partners with a statutory duty to facilitate community planning: Millshire "
            "Council, NHS Millshire, Police Scotland and the Scottish Fire and Rescue Service.",
            "Local and co-opted partners: Voluntary Action Millshire, Millshire Housing "
            "Association.",
            "However, actions can involve many other partners such as: Schools, the "
            "Children's Centre.",
            "Decision due: 20 Sep 2022 by Cabinet",
            "Lead member: Councillor Jo Smith, Leader of the Council, Millshire Council",
        )
    )
    assert ends(facts.relations) == {
        ("Millshire Council", "part_of", "Millshire Partnership Board"),
        ("NHS Millshire", "part_of", "Millshire Partnership Board"),
        ("Police Scotland", "part_of", "Millshire Partnership Board"),
        ("Scottish Fire and Rescue Service", "part_of", "Millshire Partnership Board"),
        ("Voluntary Action Millshire", "part_of", "Millshire Partnership Board"),
        ("Millshire Housing Association", "part_of", "Millshire Partnership Board"),
    }


def test_members_in_the_past_tense_and_names_an_and_does_not_split() -> None:
    """A review's "consisted of" and "included representation from" list members as "consists
    of" and "includes" do; the statutory title of a force area's commissioner and a
    portfolio holder's post stay whole in the list."""
    facts = read_structure(
        text(
            "The Alliance Governance Group consisted of the Police and Crime Commissioner, the "
            "Chief Constable and the Chief Executive of the Council.",
            "The Community Safety Partnership consisted of the Portfolio Holder for "
            "Environmental Services and Community Safety, Anyshire Police and the District "
            "Council.",
            "The Combating Drugs Partnership included representation from the NHS, Jobcentre "
            "Plus, the Police and Crime Commissioner and the National Probation Service.",
            "The Health and Wellbeing Board has a combination of membership, constituting of "
            "Anyshire Council, Anyshire Clinical Commissioning Group and Healthwatch Anyshire.",
        )
    )
    assert ends(facts.relations) == {
        ("Police and Crime Commissioner", "part_of", "Alliance Governance Group"),
        ("Chief Constable", "part_of", "Alliance Governance Group"),
        ("Chief Executive of the Council", "part_of", "Alliance Governance Group"),
        (
            "Portfolio Holder for Environmental Services and Community Safety",
            "part_of",
            "Community Safety Partnership",
        ),
        ("Anyshire Police", "part_of", "Community Safety Partnership"),
        ("District Council", "part_of", "Community Safety Partnership"),
        ("NHS", "part_of", "Combating Drugs Partnership"),
        ("Jobcentre Plus", "part_of", "Combating Drugs Partnership"),
        ("Police and Crime Commissioner", "part_of", "Combating Drugs Partnership"),
        ("National Probation Service", "part_of", "Combating Drugs Partnership"),
        ("Anyshire Council", "part_of", "Health and Wellbeing Board"),
        ("Anyshire Clinical Commissioning Group", "part_of", "Health and Wellbeing Board"),
        ("Healthwatch Anyshire", "part_of", "Health and Wellbeing Board"),
    }


def test_a_joint_committee_of_councils_is_made_of_them_and_a_decision_making_body_governs() -> None:
    """A joint committee of A, B and C lists the committee's members, where "a
    sub-committee of A" names its parent; "the overall decision making body of the
    Alliance" governs it."""
    facts = read_structure(
        text(
            "The Panel is a joint committee of Bedford Borough Council, Central Bedfordshire "
            "Council and Luton Borough Council.",
            "The body established by this process will be a formal joint committee of the "
            "Devon and Somerset councils and two National Park authorities.",
            "The Executive Group is the overall decision making body of the Welwyn Hatfield "
            "Alliance.",
            "The Audit Panel is a sub-committee of the Fire Authority.",
        )
    )
    assert ends(facts.relations) >= {
        ("Bedford Borough Council", "part_of", "Panel"),
        ("Central Bedfordshire Council", "part_of", "Panel"),
        ("Luton Borough Council", "part_of", "Panel"),
        ("two National Park authorities", "part_of", "joint committee"),
        ("Executive Group", "governs", "Welwyn Hatfield Alliance"),
        ("Audit Panel", "part_of", "Fire Authority"),
    }
    assert not any(r.source == "Panel" and r.type == "part_of" for r in facts.relations)
