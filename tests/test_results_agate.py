"""Results run together in paragraphs, as newspapers and meet reports print them: one finisher
per line for the general reader (made-up paragraphs in the shapes such reports use)."""

from __future__ import annotations

import pytest

from scraper.results import parse_document, to_contract
from scraper.results.agate import unfold

ROUNDUP = (
    "Valley League Championships\n\n"
    "Boys 100 (wind +0.6): 1. Tyler Robinson (Summit Christian) 10.90; 2. Madison Pennington\n"
    "(Bishop Kearney) 10.97; 3. Tristan Patterson (Westbrook) 11.02.\n\n"
    "Men's 1500m: 1. Tristan Hollis (Westside TC) 3:38.85, 2. Isaiah Achebe (Blackheath) "
    "3:41.10, 3. Harrison Whitlock (Blackheath) 3:43.61, DNF: Micah Hargrove (Harriers AC).\n"
)


def test_each_finisher_of_a_paragraph_on_a_line_of_its_own_under_the_events_title():
    assert unfold(ROUNDUP) == (
        "Valley League Championships\n\n"
        "Boys 100 (wind +0.6)\n"
        "1. Tyler Robinson (Summit Christian) 10.90\n"
        "2. Madison Pennington (Bishop Kearney) 10.97\n"
        "3. Tristan Patterson (Westbrook) 11.02\n\n"
        "Men's 1500m\n"
        "1. Tristan Hollis (Westside TC) 3:38.85\n"
        "2. Isaiah Achebe (Blackheath) 3:41.10\n"
        "3. Harrison Whitlock (Blackheath) 3:43.61\n"
        "- Micah Hargrove (Harriers AC) DNF"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Kerr won in 3:45.34, ahead of 2. Nuguse and 3. Hocker in the final.",  # prose
        "1. Reyes, Gabriel (Oregon) 7842 pts 100m 10.88 (+1.1) 900 | LJ 7.31 (+0.6) 889 | SP 13.90"
        " 711 | HJ 1.99 794 | 400m 48.90 866 2. McKenna, Jared (Washington) 7610 pts 100m 11.10"
        " 852 3. Tanaka, Kaito (Oregon State) 7388 pts 100m 11.25 819",  # a combined event's lines
    ],
)
def test_other_paragraphs_stay_as_they_are(text: str):
    assert unfold(text) is None


def test_a_results_roundup_is_read_and_audited_as_the_list_it_is():
    doc = parse_document(ROUNDUP.encode(), None, "roundup.txt")
    contract = to_contract(doc)
    assert [(e["event_name"], e["gender"]) for e in contract["events"]] == [
        ("Boys 100", "M"),
        ("Men's 1500m", "M"),
    ]
    sprint, mile = contract["events"]
    assert [
        (r["place"], r["athlete"], r["team"], r["mark_normalized"], r["wind"])
        for r in sprint["results"]
    ] == [
        (1, "Tyler Robinson", "Summit Christian", 10.9, 0.6),
        (2, "Madison Pennington", "Bishop Kearney", 10.97, 0.6),
        (3, "Tristan Patterson", "Westbrook", 11.02, 0.6),
    ]
    assert mile["results"][-1]["athlete"] == "Micah Hargrove"
    assert mile["results"][-1]["status"] == "DNF"


PREP_PAGE = (
    "Kettle Creek Invitational\n"
    "Saturday, April 12, 2025 at Kettle Creek\n"
    "Team scores - Boys: Kettle Creek 142, Briar Hollow 118, Fox Run 96. "
    "Girls: Briar Hollow 151, Fox Run 120, Kettle Creek 99.\n\n"
    "BOYS\n\n"
    "100: 1. Max Teague (BH) 11.50; 2. Hollis Kimbrough (KC) 11.62; 3. Cyrus Abrams (DW) 11.86.\n"
    "1,600: 1. Keegan Farrow (FR) 4:22.53; 2. Hollis Teague (LC) 4:26.43; 3. Ty Mayfield (KC) "
    "4:43.18.\n"
    "Long jump: 1. Bridger Ivey (LC) 23-1 1/4; 2. Ellis West (CS) 22-3 3/4; 3. Axton Overby (DW) "
    "20-11.\n\n"
    "GIRLS\n\n"
    "100: 1. Joslyn Cargill (KC) 12.00; 2. Noa Cargill (BH) 12.42; 3. Hadlee Spurlock (GB) 12.53.\n"
)


def test_one_event_a_line_under_gender_headings_and_both_genders_team_scores_on_one_line():
    events = to_contract(parse_document(PREP_PAGE.encode(), None, "prep.txt"))["events"]
    assert [(e["event_name"], e["gender"], e["kind"], len(e["results"])) for e in events] == [
        ("Team scores - Boys", "M", "team_scores", 3),
        ("Girls Team Scores", "F", "team_scores", 3),
        ("100 m", "M", "individual", 3),
        ("1,600 m", "M", "individual", 3),
        ("Long jump", "M", "individual", 3),
        ("100 m", "F", "individual", 3),
    ]
    jump = events[4]["results"]
    assert [r["mark_normalized"] for r in jump] == pytest.approx([7.04215, 6.80085, 6.3754])


def test_events_parted_from_their_winners_by_dashes_and_a_dual_meets_score_in_its_headline():
    # '100 -- 1. ...' (a dash, no colon, after the event) had not been read at all, nor the
    # score under the sport's name; 'SP' is the shot put
    text = (
        "BOYS TRACK: HARWICK 81, QUARRIE PARK 64\n"
        "At Quarrie Park, April 15, 2025\n\n"
        "100 -- 1. Milo Fairweather (HAR) 11.46; 2. Yannick Pennick (HAR) 11.70; "
        "3. Xander Harlowe (QP) 11.88.\n"
        "SP -- 1. Hollis Outhwaite (HAR) 46-08.25; 2. Tomas Grimshaw (QP) 43-01.00; "
        "3. Idris Mottram (HAR) 41-05.75.\n"
    )
    doc = to_contract(parse_document(text.encode(), None, "agate.txt"))
    got = [(e["event_name"], e["kind"], len(e["results"])) for e in doc["events"]]
    assert got == [
        ("BOYS TRACK Team Scores", "team_scores", 2),
        ("100 m", "individual", 3),
        ("Shot Put", "individual", 3),
    ]
    teams = [(r["place"], r["team"], r["mark"]) for r in doc["events"][0]["results"]]
    assert teams == [(1, "HARWICK", "81"), (2, "QUARRIE PARK", "64")]
    assert doc["events"][2]["results"][0]["mark_unit"] == "m"


def test_several_events_run_together_in_one_paragraph():
    # '... 11.19. 400 — 1. ...': a paragraph of two events had given no row at all
    text = (
        "Boys: 100 — 1. Kell Varney, Hollins, 11.02; 2. Dorian Fenwick, Ridgeway, 11.10; "
        "3. Ivo Brackenbury, Eastbury, 11.19. 400 — 1. Jonah Merriweather, Marlow Falls, 50.44; "
        "2. Milo Thackeray, Hollins, 51.02.\n"
    )
    doc = to_contract(parse_document(text.encode(), None, "agate.txt"))
    got = [
        (e["event_name"], e["gender"], [r["athlete"] for r in e["results"]]) for e in doc["events"]
    ]
    assert got == [
        ("100 m", "M", ["Kell Varney", "Dorian Fenwick", "Ivo Brackenbury"]),
        ("400 m", "M", ["Jonah Merriweather", "Milo Thackeray"]),
    ]


@pytest.mark.parametrize(
    ("label", "mark"),
    [("100 m Men:", "10.87"), ("100m Men:", "10.87 s"), ("100 m Männer:", "10,87 s")],
)
def test_an_event_labelled_with_a_spaced_distance_or_marks_with_their_unit(label: str, mark: str):
    # '100 m Men: 1. ...' had been one row placed 100th; '10.87 s' no mark, and no row
    second, third = mark.replace("87", "95"), mark.replace("0", "1").replace("87", "08")
    text = (
        f"{label} 1. Luke Brenner (Steinbach AC) {mark}, 2. Jonah Hollerbach (Mulberry AC) "
        f"{second}, 3. Morris Kessler (Steinbach AC) {third}\n"
    )
    doc = to_contract(parse_document(text.encode(), None, "agate.txt"))
    got = [(r["place"], r["athlete"], r["team"]) for e in doc["events"] for r in e["results"]]
    assert got == [
        (1, "Luke Brenner", "Steinbach AC"),
        (2, "Jonah Hollerbach", "Mulberry AC"),
        (3, "Morris Kessler", "Steinbach AC"),
    ]


def test_a_relays_runners_in_brackets_and_an_unplaced_non_finisher_after_the_placed():
    text = (
        "Boys\n"
        "4x100 relay - 1. Copper Ridge (Cyrus Poe, Keir Nettleship, Eli Ambrose, Rafferty "
        "Kettering), 43.49; 2. St. Brendan (Rowan Rudd, Desmond Pendry, Emrys Yelland, Nico "
        "Fairlie), 43.81.\n\n"
        "Men's 5000m: 1. Bartholomew Ingleby (Castleford Striders) 14:33.4; 2. Brody Pickersgill "
        "(Kestrel Park Harriers) 14:45.8; Cyrus Ellerby (Brindle Road Runners) DNF.\n"
    )
    relay, run = to_contract(parse_document(text.encode(), None, "report.txt"))["events"]
    assert [(r["place"], r["team"], r["mark"]) for r in relay["results"]] == [
        (1, "Copper Ridge", "43.49"),
        (2, "St. Brendan", "43.81"),
    ]
    assert [m["athlete"] for m in relay["results"][1]["relay_members"]] == [
        "Rowan Rudd",
        "Desmond Pendry",
        "Emrys Yelland",
        "Nico Fairlie",
    ]
    assert [(r["place"], r["athlete"], r["team"], r["status"]) for r in run["results"]] == [
        (1, "Bartholomew Ingleby", "Castleford Striders", None),
        (2, "Brody Pickersgill", "Kestrel Park Harriers", None),
        (None, "Cyrus Ellerby", "Brindle Road Runners", "DNF"),
    ]


def test_a_club_reports_finishers_with_their_place_in_words_before_their_mark():
    text = (
        "Club round-up: County Championships\n\n"
        "400m: Mary Poe 3rd in 58.20, Tessa Roe 5th in 59.87 - PB\n"
        "1500m: Owen Rudd won in 4:01.33 (PB!)\n\n"
        "Penmore 5 Miler\n"
        "Osric Kettering 37th in 27:28\n"
        "Gideon Brackley 53rd in 30:17\n"
    )
    events = to_contract(parse_document(text.encode(), None, "news.txt"))["events"]
    got = [
        (e["event_name"], r["place"], r["athlete"], r["mark"]) for e in events for r in e["results"]
    ]
    assert got == [
        ("400m", 3, "Mary Poe", "58.20"),
        ("400m", 5, "Tessa Roe", "59.87"),
        ("1500m", 1, "Owen Rudd", "4:01.33"),
        ("Penmore 5 Miler", 37, "Osric Kettering", "27:28"),
        ("Penmore 5 Miler", 53, "Gideon Brackley", "30:17"),
    ]


LEAGUE_AGATE = (
    "Foxton girls, Birchley boys take league titles\n\n"
    "LAKE LEAGUE CHAMPIONSHIPS\nAt Maple Bay HS, Saturday, May 10\n\n"
    "GIRLS\nTeam scores: CAL 139.5, GRN 108, MPL 88\n"
    "100: 1. Wren Tattle (BRK) 12.45, 2. Lena Moore (CAL) 12.77, 3. Hazel Jess (FOX) 12.84\n"
    "400 hurdles: 1. Wren Brack (GRN) 1:04.34, 2. Lena Vard (CAL) 1:05.65\n\n"
    "BOYS\nTeam scores: FOX 165.5, BRK 106, CAL 97.5\n"
    "100: 1. Emrys Oak (FOX) 11.02, 2. Fintan Ill (BRK) 11.19, 3. Ivo Hebb (MPL) 11.40\n"
    "400 hurdles: 1. Silas Moor (GRN) 55.12, 2. Ivo Hebb (MPL) 56.40\n"
)


def test_a_sex_heading_over_team_scores_and_bare_events_is_every_events_sex():
    # 'GIRLS' / 'BOYS' on lines of their own, each over a team-scores line and events named
    # without a sex: each heading gives its sex to the team scores and to every event under it
    # (not the first sex word of the page's headline), and never joins the event's name
    events = to_contract(parse_document(LEAGUE_AGATE.encode(), None, "league.txt"))["events"]
    assert [(e["event_name"], e["gender"], e["kind"], len(e["results"])) for e in events] == [
        ("Team scores", "F", "team_scores", 3),
        ("100 m", "F", "individual", 3),
        ("400 hurdles", "F", "individual", 2),
        ("Team scores", "M", "team_scores", 3),
        ("100 m", "M", "individual", 3),
        ("400 hurdles", "M", "individual", 2),
    ]


def test_a_relays_runners_by_their_surnames_alone_in_brackets():
    # a school's recap: the relay's four runners by surname, the team's school before them
    text = (
        "BOYS RESULTS\n"
        "100: 1. Quill Lovejoy (EG) 11.21; 2. Jory Crowther (OH) 11.35\n"
        "4x100: 1. Ashbury (Eastlake, Gorringe, Jellicoe, Ingleby) 43.16; 2. Elm Grove "
        "(Shillingford, Hallworth, Verrall, Farrington) 45.70\n"
    )
    _, relay = to_contract(parse_document(text.encode(), None, "recap.txt"))["events"]
    got = [
        (r["place"], r["team"], [m["athlete"] for m in r["relay_members"]])
        for r in relay["results"]
    ]
    assert got == [
        (1, "Ashbury", ["Eastlake", "Gorringe", "Jellicoe", "Ingleby"]),
        (2, "Elm Grove", ["Shillingford", "Hallworth", "Verrall", "Farrington"]),
    ]


def test_a_tri_meets_dual_scores_parted_by_semicolons():
    # each pair of teams a dual meet of its own, as school recaps of a tri-meet print them
    text = (
        "TEAM SCORES\nBoys: Elm Grove 78, Oak Hollow 67; Elm Grove 96, Ashbury 41\n\n"
        "BOYS RESULTS\n100: 1. Quill Lovejoy (EG) 11.21; 2. Jory Crowther (OH) 11.35\n"
    )
    scores = to_contract(parse_document(text.encode(), None, "recap.txt"))["events"][0]
    got = [(r["place"], r["team"], r["mark_normalized"]) for r in scores["results"]]
    assert (scores["kind"], scores["gender"]) == ("team_scores", "M")
    assert got == [
        (1, "Elm Grove", 78.0),
        (2, "Oak Hollow", 67.0),
        (1, "Elm Grove", 96.0),
        (2, "Ashbury", 41.0),
    ]
