"""The other result layouts, each on a small document in the shape real ones have."""

from __future__ import annotations

import pytest

from scraper.results import parse_document, to_contract
from scraper.results.audit import audit_document


def parse(text: str, url: str | None = None) -> dict:
    return to_contract(parse_document(text.encode(), url))


# --- fixed width with ===== ruler segments (MileSplit raw <pre>) --------------------------------
MILESPLIT = """<html><head><script type="application/ld+json">
{"@context": "https://schema.org", "@type": "SportsEvent", "name": "Vista XC Invitational",
 "startDate": "2025-08-23", "location": {"@type": "Place", "name": "Vista HS"}}</script></head>
<body><div id="meetResultsBody"><pre>
Varsity Girls 5K
Place Div/Tot  Bib # Name                      Sex School                         Time    Pace
===== ======== ===== ========================= === ============================== ======= =====
    1     1/30   101 Anna Marie Cole             F Mountain Vista High School       18:02  5:49
    2     2/30   215 Bea Ortiz                   F Summit High School               18:15  5:53
    3     3/30   330 Cara Lee                    F Regis Jesuit                       DNF
</pre></div></body></html>"""


def test_ruler_segments_give_exact_columns():
    doc = parse(MILESPLIT)
    assert doc["meet"]["name"] == "Vista XC Invitational"
    assert doc["meet"]["date"] == "2025-08-23"
    ev = doc["events"][0]
    assert (ev["event_name"], ev["gender"], ev["kind"]) == ("Varsity Girls 5K", "F", "individual")
    first, second, dnf = ev["results"]
    assert (first["place"], first["athlete"], first["team"]) == (
        1,
        "Anna Marie Cole",
        "Mountain Vista High School",
    )
    assert (first["mark"], first["mark_normalized"]) == ("18:02", 1082.0)
    assert first["detail"]["bib"] == "101"
    assert first["detail"]["pace"] == "5:49"
    assert dnf["status"] == "DNF"
    assert dnf["mark_normalized"] is None


# --- HTML tables ---------------------------------------------------------------------------------
TFRRS_LIKE = """<html><head><title>Conference Championships - Women's 10,000 Meters</title></head>
<body><style>.round_4_42 { display: none !important; }</style>
<h3>Women's 10,000 Meters</h3>
<table class="tablesaw"><thead><tr><th>PL</th><th>NAME</th><th>YEAR</th><th>TEAM</th>
<th class="round_4_42">TIME</th><th class="round_4_57">TIME</th><th>SC</th></tr></thead>
<tbody>
<tr><td>1</td><td><a href="#">Amy Kern</a></td><td>SR-4</td><td>Rio Grande</td>
<td class="round_4_42">40:49.31</td><td class="round_4_57">37:47.88</td><td>10</td></tr>
<tr><td>2</td><td>Chloe Sales</td><td>JR-3</td><td>Indiana East</td>
<td class="round_4_42">32:17.88</td><td class="round_4_57">37:59.85</td><td>8</td></tr>
<tr><td>3</td><td>Beth Moss</td><td>FR-1</td><td>Midway</td>
<td class="round_4_42">31:00.00</td><td class="round_4_57">DNF</td><td>-</td></tr>
</tbody></table></body></html>"""


def test_columns_hidden_by_a_style_rule_are_ignored():
    ev = parse(TFRRS_LIKE)["events"][0]
    assert ev["event_name"] == "Women's 10,000 Meters"
    assert ev["gender"] == "F"
    rows = ev["results"]
    assert [(r["athlete"], r["year"], r["team"], r["mark"]) for r in rows] == [
        ("Amy Kern", "SR-4", "Rio Grande", "37:47.88"),
        ("Chloe Sales", "JR-3", "Indiana East", "37:59.85"),
        ("Beth Moss", "FR-1", "Midway", "DNF"),
    ]
    assert rows[0]["detail"]["points"] == 10.0
    assert rows[2]["status"] == "DNF"


SHEETS = """<div class="body"><table data-sheets-root="1"><tbody>
<tr><td>Boys Individuals</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>1</td><td>SR</td><td>Jack SPENCER</td><td>&nbsp;</td><td>15:01.1</td><td>Herriman</td></tr>
<tr><td>2</td><td>JR</td><td>Yo VAN MEERTEN</td><td>&nbsp;</td><td>15:03.3</td>
<td>SW Individuals -6</td></tr>
<tr><td>3</td><td>SO</td><td>Cal LEONARD</td><td>&nbsp;</td><td>15:03.7</td><td>Carroll</td></tr>
<tr><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>Official Team Scores</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>1</td><td>Niwot</td><td>61</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2</td><td>Herriman</td><td>97</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>Girls Individuals</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>1</td><td>SO</td><td>Nat DUDEK</td><td>&nbsp;</td><td>16:50.1</td><td>Ann Arbor</td></tr>
<tr><td>2</td><td>JR</td><td>Blair BART</td><td>&nbsp;</td><td>16:51.7</td>
<td>NE Individuals -1</td></tr>
</tbody></table></div>"""


def test_header_less_sheet_with_section_rows():
    doc = parse(SHEETS)
    names = [(e["event_name"], e["gender"], e["kind"]) for e in doc["events"]]
    assert names == [
        ("Boys Individuals", "M", "individual"),
        ("Official Team Scores", "M", "team_scores"),
        ("Girls Individuals", "F", "individual"),
    ]
    boys, teams, girls = doc["events"]
    assert [
        (r["place"], r["year"], r["athlete"], r["team"], r["mark"]) for r in boys["results"]
    ] == [
        (1, "SR", "Jack SPENCER", "Herriman", "15:01.1"),
        (2, "JR", "Yo VAN MEERTEN", "SW Individuals -6", "15:03.3"),
        (3, "SO", "Cal LEONARD", "Carroll", "15:03.7"),
    ]
    assert [
        (r["place"], r["team"], r["mark_normalized"], r["mark_unit"]) for r in teams["results"]
    ] == [(1, "Niwot", 61.0, "points"), (2, "Herriman", 97.0, "points")]
    assert girls["results"][1]["team"] == "NE Individuals -1"


DIRECTATHLETICS = """<html><body>
<table><tr><td>MVC Girls Divisional Meet</td><td>Date: May 5, 2022</td></tr></table>
<span class="title_text">Girls High Jump Varsity</span>
<table><tr><td><b>Finals:</b></td></tr><tr><td>
<table class="tablesorter">
<tr><th class="header">Place</th><th class="header">Overall</th><th class="header">Name</th>
<th class="header">Year</th><th class="header">Team</th><th class="header">Height</th>
<th class="header">Score</th></tr>
<tr><td>1</td><td>1</td><td>Woody, Isabelle</td><td>SR</td><td>Liberty High</td>
<td>5' 2"</td><td>10</td></tr>
<tr><td>2</td><td>2</td><td>Kriegel, Allison</td><td>JR</td><td>Linn Mar</td><td>5' 0"</td>
<td>8</td></tr>
<tr><td>4</td><td>4</td><td>Jaeger, Beth</td><td>SR</td><td>Liberty High</td><td>4' 8"</td>
<td>4.5</td></tr>
</table></td></tr></table></body></html>"""


def test_directathletics_sheet_nested_table_and_feet_inches():
    ev = parse(DIRECTATHLETICS)["events"][0]
    assert (ev["event_name"], ev["gender"], ev["round"]) == (
        "Girls High Jump Varsity",
        "F",
        "Finals",
    )
    rows = ev["results"]
    assert len(rows) == 3  # the outer layout table adds nothing
    assert rows[0]["athlete"] == "Woody, Isabelle"
    assert rows[0]["year"] == "SR"
    assert rows[0]["mark_normalized"] == pytest.approx(62 * 0.0254)
    assert rows[2]["detail"]["points"] == 4.5


RELAY_TABLES = """<html><body>
<h3>Girls U/19 4X800m</h3>
<table><tr><th> Pos </th><th> Team/School </th><th> Time </th></tr>
<tr><td> 1 </td><td> Afrikaans Meisies </td><td> 9:36.80 </td></tr>
<tr><td> 2 </td><td> Eldoraigne </td><td> 8:18:72 </td></tr></table>
</body></html>"""


def test_relay_tables_with_a_misprinted_mark():
    ev = parse(RELAY_TABLES)["events"][0]
    assert (ev["kind"], ev["gender"], ev["division"]) == ("relay", "F", "U/19")
    first, second = ev["results"]
    assert (first["team"], first["athlete"], first["mark_normalized"]) == (
        "Afrikaans Meisies",
        None,
        576.8,
    )
    assert second["mark"] == "8:18:72"
    assert second["mark_normalized"] is None


# --- one value per line (athletic.net rendered text) ---------------------------------------------
LISTING = """Athletic.net
Desert Twilight XC Invite
In Progress Fri, Sep 26, 2025
Mens 5,000 Meters Sweepstakes
Results
Meet Record as of 9/25/2025
Leo Dash
14:14.30
Highland
2019
1
OH
Oliver Horton
Coronado
14:23.9
PR • Yr: 11
2
Yohanes van Meerten
Flagstaff
14:25.7
Yr: SR
1
LM
Luke Mason
Unattached
14:26.0
3
Quinn Sullivan
Unattached
14:42.6
SR • Yr: 12
"""


def test_one_value_per_line_listing():
    doc = parse(LISTING)
    assert doc["meet"] == {"name": "Desert Twilight XC Invite", "date": "2025-09-26", "venue": None}
    ev = doc["events"][0]
    assert ev["event_name"] == "Mens 5,000 Meters Sweepstakes"
    assert ev["gender"] == "M"
    rows = ev["results"]
    # the record block is no result; an interleaved second numbering (unattached) is set aside
    assert [(r["place"], r["athlete"], r["team"], r["year"]) for r in rows] == [
        (1, "Oliver Horton", "Coronado", "11"),
        (2, "Yohanes van Meerten", "Flagstaff", "SR"),
        (3, "Quinn Sullivan", "Unattached", "12"),
    ]
    assert rows[0]["detail"]["flags"] == ["PR"]
    assert rows[2]["detail"]["flags"] == ["SR"]


# --- generic fallback --------------------------------------------------------------------------
UNKNOWN = """Spring Open
Women 1500 Meters
1.  Jane Doe        Club Alpha      4:21.50
2.  Ann Roe         Club Beta       4:25.02
3.  Sue Poe         Club Alpha      DNF
Men Shot Put
1.  Bob Ray         Club Beta       15.20m
2.  Tom Fay         Club Gamma      14.02m
"""


def test_unknown_layout_falls_back_to_a_generic_reader():
    doc = parse(UNKNOWN)
    assert [e["event_name"] for e in doc["events"]] == ["Women 1500 Meters", "Men Shot Put"]
    women, men = doc["events"]
    assert [
        (r["place"], r["athlete"], r["team"], r["mark_normalized"]) for r in women["results"]
    ] == [
        (1, "Jane Doe", "Club Alpha", 261.5),
        (2, "Ann Roe", "Club Beta", 265.02),
        (3, "Sue Poe", "Club Alpha", None),
    ]
    assert men["results"][0]["mark_unit"] == "m"


def test_a_document_without_results_says_why():
    doc = to_contract(parse_document(b"<html><body><p>No results yet.</p></body></html>"))
    assert doc["events"] == []
    assert doc["_error"]


FLASH_LIKE = """Men 100 Meters
Semi-Final 1 of 3    Wind: +0.8
Pl Name                    Yr  Affiliation          Time     Wind   Ht(Pl)
 1 Noah LYLES              SR  Florida              9.95Q    +0.8   1(1)
 2 Fred KERLEY             JR  Texas A&M           10.01     +0.8   1(2)
 3 Erriyon KNIGHTON        SO  Florida             10.02q    +0.8   1(3)
Women Long Jump
Pl Name                    Yr  Affiliation          Mark     Wind
 1 Tara DAVIS              SR  Texas                7.14m    +1.2
 2 Jasmine MOORE           JR  Florida              6.99m    -0.4
"""


def test_header_named_columns_without_rulers():
    doc = parse(FLASH_LIKE)
    sprint, jump = doc["events"]
    assert (sprint["event_name"], sprint["round"], sprint["gender"]) == (
        "Men 100 Meters",
        "Semifinals",
        "M",
    )
    assert [
        (r["place"], r["athlete"], r["year"], r["team"], r["mark_normalized"], r["wind"])
        for r in sprint["results"]
    ] == [
        (1, "Noah LYLES", "SR", "Florida", 9.95, 0.8),
        (2, "Fred KERLEY", "JR", "Texas A&M", 10.01, 0.8),
        (3, "Erriyon KNIGHTON", "SO", "Florida", 10.02, 0.8),
    ]
    assert [r["detail"].get("qualifier") for r in sprint["results"]] == ["Q", None, "q"]
    assert [(r["mark_normalized"], r["wind"]) for r in jump["results"]] == [
        (7.14, 1.2),
        (6.99, -0.4),
    ]


FEED = """<?xml version="1.0" encoding="UTF-8"?>
<results>
  <infos><event_name>Men's 4x100m Relay</event_name><round_name>Final</round_name>
    <event_gender>M</event_gender><date>2024-08-09</date><wind></wind></infos>
  <result><rank>1</rank><athlete>Canada</athlete><country>CAN</country>
    <best_performance>37.50</best_performance><recordflag>WL</recordflag>
    <relayrunners><relayrunner><athlete>Aaron Brown</athlete></relayrunner>
      <relayrunner><athlete>Jerome Blake</athlete></relayrunner></relayrunners></result>
  <result><rank></rank><athlete>USA</athlete><country>USA</country>
    <best_performance>37.62DQ</best_performance></result>
</results>"""

JUMP_FEED = """<?xml version="1.0"?>
<results><infos><event_name>Women's Long Jump</event_name><round_name>Qualification</round_name>
  <event_gender>W</event_gender></infos>
  <result><rank>1</rank><athlete>Tara Davis-Woodhall</athlete><country>USA</country>
    <best_performance>6.90</best_performance><qualification>Q</qualification>
    <recordflag>=SB</recordflag><wind>+0.3</wind>
    <roundresults><roundresult><performance>6.90</performance><wind>+0.3</wind></roundresult>
    </roundresults></result>
  <result><rank></rank><athlete>Ese Brume</athlete><country>NGR</country>
    <best_performance>NM</best_performance></result>
</results>"""


def test_an_xml_export_that_holds_its_data_in_attributes():
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<Competition Name="National Indoor Championships" StartDate="2026-02-21">'
        '<Event Code="LONGJUMP" Name="Long Jump" Gender="M" Round="Final">'
        '<Result Rank="1" Result="7.79" Wind="+1.1"><Athlete FamilyName="PERSSON"'
        ' GivenName="Gustav" Club="IK Granen"/></Result>'
        '<Result Rank="2" Result="7.66" Wind="-0.8"><Athlete FamilyName="NILSSON"'
        ' GivenName="Filip" Club="IF Göta Älv"/></Result></Event></Competition>'
    )
    doc = to_contract(parse_document(xml.encode(), None, "export.xml"))
    assert (doc["meet"]["name"], doc["meet"]["date"]) == (
        "National Indoor Championships",
        "2026-02-21",
    )
    [ev] = doc["events"]
    assert (ev["event_name"], ev["gender"]) == ("Long Jump", "M")
    assert [(r["mark_unit"], r["wind"]) for r in ev["results"]] == [("m", 1.1), ("m", -0.8)]


# an export that borrows the Olympic Data Feed's root and names, not its layout
ODF_LIKE = """<?xml version="1.0" encoding="UTF-8"?>
<OdfBody DocumentType="DT_RESULT" Date="2026-06-14">
 <Competition Code="NVK2026" Name="Nordvik Games">
  <Unit EventName="Men's 100m" Gender="M" Phase="Final" Wind="+0.6">
   <Result Rank="1" Result="10.35"><Competitor Code="2001" Type="A">
    <Participant GivenName="Sindre" FamilyName="TVEIT" Organisation="Fjellheim FIK"/>
   </Competitor></Result>
   <Result Rank="2" Result="10.75"><Competitor Code="2002" Type="A">
    <Participant GivenName="Elias" FamilyName="LIEN" Organisation="Nordvik IL"/>
   </Competitor></Result>
   <Result IRM="DNS"><Competitor Code="2003" Type="A">
    <Participant GivenName="Ola" FamilyName="FLATEN" Organisation="Tveit AK"/>
   </Competitor></Result>
  </Unit>
  <Unit EventName="Women's 4 x 400m Relay" Gender="W" Phase="Final">
   <Result Rank="1" Result="3:41.64"><Competitor Code="T0" Type="T" Organisation="Nordvik IL">
    <Composition>
     <Athlete Order="1"><Participant GivenName="Sigrid" FamilyName="KVAMME"/></Athlete>
     <Athlete Order="2"><Participant GivenName="Maren" FamilyName="FLATEN"/></Athlete>
    </Composition></Competitor></Result>
  </Unit>
 </Competition>
</OdfBody>"""


def test_an_export_with_odfs_root_but_not_its_layout_is_read_by_its_names():
    # it had given no row: the ODF reader found none, and nothing read it otherwise; an entrant's
    # 'Code' had become a birth year, and 'IRM' (ODF's invalid result mark) no status
    doc = to_contract(parse_document(ODF_LIKE.encode(), None, "results.xml"))
    sprint, relay = doc["events"]
    got = [(r["place"], r["athlete"], r["team"], r["year"], r["status"]) for r in sprint["results"]]
    assert got == [
        (1, "Sindre TVEIT", "Fjellheim FIK", None, None),
        (2, "Elias LIEN", "Nordvik IL", None, None),
        (None, "Ola FLATEN", "Tveit AK", None, "DNS"),
    ]
    [team] = relay["results"]
    assert (relay["kind"], team["team"]) == ("relay", "Nordvik IL")
    assert [m["athlete"] for m in team["relay_members"]] == ["Sigrid KVAMME", "Maren FLATEN"]


def test_round_codes_round_names_relay_runners_and_events_keyed_by_name_in_feeds():
    xml = (
        '<?xml version="1.0"?><results><competition name="Kalvaasen Games" date="2026-05-23">'
        '<event name="110m Hurdles" sex="M" round="H" wind="-0.4">'
        '<result pos="1" first="Aksel" last="Brekke" club="Brekke IF" result="15.17"/></event>'
        '<event name="110m Hurdles" sex="M" round="F" wind="+0.2">'
        '<result pos="1" first="Aksel" last="Brekke" club="Brekke IF" result="15.01"/></event>'
        "</competition></results>"
    )
    assert [e["round"] for e in parse(xml)["events"]] == ["Heats", "Finals"]
    feed = (
        '{"events": [{"name": "4x400m Relay", "gender": "X", "rounds": [{"roundName": "Heats",'
        ' "results": [{"place": 1, "teamName": "Ashgrove Harriers", "performance": "3:36.51",'
        ' "members": [{"leg": 1, "firstName": "Milo", "lastName": "Varney"},'
        ' {"leg": 2, "firstName": "Isla", "lastName": "Cottle"}]}]}]}]}'
    )
    [relay] = parse(feed)["events"]
    assert (relay["round"], relay["kind"]) == ("Heats", "relay")
    runners = [m["athlete"] for m in relay["results"][0]["relay_members"]]
    assert runners == ["Milo Varney", "Isla Cottle"]
    keyed = (
        '{"results": {"Senior Boys 400m": {"athletes": [{"pos": 1, "name": "Zeb Dimmock",'
        ' "mark": "51.61"}]}, "Junior Girls Shot Put": {"athletes": [{"pos": 1,'
        ' "name": "Una Grimshaw", "mark": "9.85"}]}}}'
    )
    got = [(e["event_name"], e["gender"]) for e in parse(keyed)["events"]]
    assert got == [("Senior Boys 400m", "M"), ("Junior Girls Shot Put", "F")]


def test_international_xml_feed():
    relay = parse(FEED)["events"][0]
    assert (relay["kind"], relay["gender"], relay["round"]) == ("relay", "M", "Finals")
    can, usa = relay["results"]
    assert (can["team"], can["mark_normalized"], can["detail"]["flags"]) == ("CAN", 37.5, ["WL"])
    assert [m["athlete"] for m in can["relay_members"]] == ["Aaron Brown", "Jerome Blake"]
    assert (usa["status"], usa["mark_normalized"]) == ("DQ", None)
    jump = parse(JUMP_FEED)["events"][0]
    assert (jump["gender"], jump["round"]) == ("F", "Qualifying")
    first, nm = jump["results"]
    assert (first["athlete"], first["team"], first["mark_normalized"], first["mark_unit"]) == (
        "Tara Davis-Woodhall",
        "USA",
        6.9,
        "m",
    )
    assert (first["wind"], first["detail"]["qualifier"], first["detail"]["flags"]) == (
        0.3,
        "Q",
        ["=SB"],
    )
    assert nm["status"] == "NM"


LIF = """5,1,2,Girls 100 Meter Dash,+1.4,m/s,,,,
1,101,4,Stone,Ava,Central,12.41,,12.41,0.152
2,215,5,Lopez,Mia,Westfield,12.55,,0.14,0.170
DNF,330,3,Park,Zoe,Eastview,,,,
"""

CSV_EXPORT = """Event,Place,First Name,Last Name,Grade,School,Mark,Wind
Girls Long Jump,1,Ava,Stone,12,Central,16-02.50,+1.1
Girls Long Jump,2,Mia,Lopez,11,Westfield,15-11.00,NWI
Boys 1600 Meter Run,1,Sam,Reed,12,Central,4:21.07,
"""


def test_finishlynx_lif_of_a_heat_names_its_round():
    lif = "12,1,2,100m Men Heat 2,+0.9,,,,\n1,543,5,Heseltine,Fergus,Calder,10.530,,10.53\n"
    ev = to_contract(parse_document(lif.encode(), None, "012-1-02.lif"))["events"][0]
    assert (ev["event_name"], ev["round"], ev["heat"]) == ("100m Men Heat 2", "Heats", 2)


def test_finishlynx_lif():
    ev = to_contract(parse_document(LIF.encode(), None, "heat2.lif"))["events"][0]
    assert (ev["event_name"], ev["gender"], ev["heat"], ev["wind"]) == (
        "Girls 100 Meter Dash",
        "F",
        2,
        1.4,
    )
    rows = ev["results"]
    assert [
        (r["place"], r["athlete"], r["team"], r["mark_normalized"], r["wind"]) for r in rows
    ] == [
        (1, "Ava Stone", "Central", 12.41, 1.4),
        (2, "Mia Lopez", "Westfield", 12.55, 1.4),
        (None, "Zoe Park", "Eastview", None, 1.4),
    ]
    assert rows[2]["status"] == "DNF"
    assert rows[0]["detail"]["bib"] == "101"


def test_finishlynx_heats_joined_into_one_lif_are_each_their_own_race():
    lif = "\n".join(
        [
            "5,1,1,Girls 100 Meter Dash,+1.4,m/s,,15:05:31.0270,,,,,",
            "1,101,4,Abernethy,Odette,Penn Hollow,12.103,,0.000,0.181,,,,,,,,,",
            "2,102,5,Yardley,Greer,Gatewood,12.311,,0.208,0.176,,,,,,,,,",
            "6,1,1,Boys 100 Meter Dash,-0.6,m/s,,15:20:02.1130,,,,,",
            "1,201,4,Quayle,Dorian,Mt. Calder,10.981,,0.000,0.151,,,,,,,,,",
            "DNS,202,6,Rosado,Hugo,Dunmore HS,,,,,,,,,,,,,",
        ]
    )
    events = to_contract(parse_document(lif.encode(), None, "meet.lif"))["events"]
    assert [
        (e["event_name"], e["gender"], e["wind"], [(r["athlete"], r["wind"]) for r in e["results"]])
        for e in events
    ] == [
        ("Girls 100 Meter Dash", "F", 1.4, [("Odette Abernethy", 1.4), ("Greer Yardley", 1.4)]),
        ("Boys 100 Meter Dash", "M", -0.6, [("Dorian Quayle", -0.6), ("Hugo Rosado", -0.6)]),
    ]


def test_csv_export_grouped_by_event_column():
    doc = parse(CSV_EXPORT)
    assert [e["event_name"] for e in doc["events"]] == ["Girls Long Jump", "Boys 1600 Meter Run"]
    jump, mile = doc["events"]
    first, second = jump["results"]
    assert (first["athlete"], first["year"], first["team"], first["wind"]) == (
        "Ava Stone",
        "12",
        "Central",
        1.1,
    )
    assert first["mark_normalized"] == pytest.approx(194.5 * 0.0254)
    assert second["wind"] is None
    assert second["detail"]["flags"] == ["NWI"]
    assert mile["results"][0]["mark_normalized"] == 261.07


def test_an_italian_export_parted_by_its_gara_and_sesso_columns():
    tsv = (
        "Gara\tSesso\tPos.\tAtleta\tAnno\tSocietà\tPrestazione\tVento\n"
        '100 Metri\tUomini\t1\tFONTANA Davide\t2001\tCUS Monteverde\t10"72\t+1.4\n'
        '100 Metri\tUomini\t2\tROMANO Luca\t2005\tAtl. Riviera\t10"77\t+1.4\n'
        '100 Metri\tDonne\t1\tRIZZO Giulia\t2003\tCUS Monteverde\t11"92\t+0.2\n'
    )
    events = parse(tsv)["events"]
    got = [(e["event_name"], e["gender"], [r["athlete"] for r in e["results"]]) for e in events]
    assert got == [
        ("100 Metri", "M", ["FONTANA Davide", "ROMANO Luca"]),
        ("100 Metri", "F", ["RIZZO Giulia"]),
    ]


def test_a_race_column_parts_a_csv_whose_places_start_again_per_race():
    csv = (
        "Race,Place,First Name,Last Name,Grade,School,Time\n"
        "Girls Varsity 5K,1,Aubrey,Stanfield,12,Sandpoint,18:42.41\n"
        "Girls Varsity 5K,2,Savannah,Vasquez,9,Sandpoint,18:58.14\n"
        "Boys Varsity 5K,1,Mason,Yoder,11,Eastlake,16:02.77\n"
    )
    events = parse(csv)["events"]
    assert [(e["event_name"], e["gender"], len(e["results"])) for e in events] == [
        ("Girls Varsity 5K", "F", 2),
        ("Boys Varsity 5K", "M", 1),
    ]


def test_a_race_column_beside_an_overall_ranking_parts_nothing():
    csv = (
        "Place,Race,Name,Time\n1,K2,Ann Lee,5:51:47\n2,K2,Bo Ek,5:52:10\n3,HIPSTER,Cy Ng,4:12:00\n"
    )
    assert [len(e["results"]) for e in parse(csv)["events"]] == [3]


def test_an_events_gender_above_its_rounds_result_lists():
    feed = (
        '{"competition": {"name": "Open Graded Meeting 4", "date": "2025-06-18"},'
        ' "events": [{"name": "High Jump", "gender": "F", "units": [{"unitName": "Final",'
        ' "results": [{"place": "1", "performance": "1.74", "competitor": {"firstName":'
        ' "Holly", "lastName": "Gallagher", "club": "Clonliffe Harriers"}}]}]}]}'
    )
    [ev] = to_contract(parse_document(feed.encode(), None, "feed.json"))["events"]
    assert (ev["event_name"], ev["gender"]) == ("High Jump", "F")


TEAM_TABLE = """<html><body><h3>Girls Varsity</h3>
<table><tr><th>Rank</th><th>Team</th><th>Score</th><th>1</th><th>2</th><th>3</th></tr>
<tr><td>1</td><td>Mountain Vista</td><td>38</td><td>1</td><td>3</td><td>8</td></tr>
<tr><td>2</td><td>Summit</td><td>52</td><td>2</td><td>6</td><td>9</td></tr></table>
</body></html>"""


def test_a_rank_team_score_table_is_team_scores():
    ev = parse(TEAM_TABLE)["events"][0]
    assert (ev["kind"], ev["gender"]) == ("team_scores", "F")
    got = [(r["place"], r["team"], r["mark_normalized"], r["mark_unit"]) for r in ev["results"]]
    assert got == [(1, "Mountain Vista", 38.0, "points"), (2, "Summit", 52.0, "points")]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "cp1252"])
def test_text_files_in_windows_encodings(encoding):
    doc = to_contract(parse_document(UNKNOWN.replace("Jane Doe", "Renée Doe").encode(encoding)))
    assert doc["events"][0]["results"][0]["athlete"] == "Renée Doe"


WORLD_ATHLETICS_LIKE = """<html><head><title>Results | 100 Metres Men | Final</title></head>
<body><h1>World Championships</h1>
<div><h2>100 Metres Men</h2><span>Final</span><span>Wind: -0.1</span></div>
<table><thead><tr><th>Pos</th><th>Bib</th><th>Athlete</th><th>Country</th><th>Mark</th>
<th>React Time</th><th></th></tr></thead><tbody>
<tr><td>1</td><td>1205</td><td><a>Noah LYLES</a></td><td>USA</td><td>9.83</td><td>0.166</td>
<td>WL</td></tr>
<tr><td>2</td><td>337</td><td><a>Letsile TEBOGO</a></td><td>BOT</td><td>9.88</td><td>0.142</td>
<td>NR</td></tr>
<tr><td></td><td>999</td><td><a>Fred KERLEY</a></td><td>USA</td><td>DNS</td><td></td><td></td></tr>
</tbody></table></body></html>"""


def test_heading_wind_round_and_unlabelled_flag_column():
    ev = parse(WORLD_ATHLETICS_LIKE)["events"][0]
    assert (ev["event_name"], ev["gender"], ev["round"], ev["wind"]) == (
        "100 Metres Men",
        "M",
        "Finals",
        -0.1,
    )
    first, second, dns = ev["results"]
    assert (first["athlete"], first["team"], first["wind"]) == ("Noah LYLES", "USA", -0.1)
    assert first["detail"]["flags"] == ["WL"]
    assert second["detail"]["flags"] == ["NR"]
    assert first["detail"]["reaction"] == "0.166"
    assert (dns["place"], dns["status"]) == (None, "DNS")


def test_csv_export_with_sex_and_round_columns_parts_each_events_rounds():
    doc = parse(
        "Event,Sex,Round,Place,Athlete,Affiliation,Mark\n"
        "100m,W,Prelims,1,Camille Harrington,Iowa State,11.47\n"
        "100m,W,Prelims,2,Harper Nakamura,Texas A&M,11.54\n"
        "100m,W,Final,1,Camille Harrington,Iowa State,11.40\n"
        "100m,W,Final,2,Harper Nakamura,Texas A&M,11.52\n"
        "100m,M,Final,1,Isaiah Kessler,Tigard,10.41\n"
    )
    assert [
        (e["event_name"], e["gender"], e["round"], len(e["results"])) for e in doc["events"]
    ] == [
        ("100m", "F", "Prelims", 2),
        ("100m", "F", "Finals", 2),
        ("100m", "M", "Finals", 1),
    ]


def test_a_danish_sheets_kon_column_parts_its_men_from_its_women():
    # 'Køn' (M/K) had been no sex column: the first event's gender was every event's
    doc = parse(
        "Øvelse;Køn;Runde;Plac.;Navn;Klub;Årgang;Resultat\n"
        "200m;K;Finale;1;Ida Møller;Ørestad AK;2004;25,11\n"
        "3000m;M;Finale;1;Mads Bech;Ørestad AK;1994;8:32,93\n"
    )
    assert [(e["event_name"], e["gender"]) for e in doc["events"]] == [
        ("200m", "F"),
        ("3000m", "M"),
    ]


def test_a_turkish_sheet_under_its_league_and_heat_titles():
    # its header words had been unknown: the header became a row, and the sheet's title ('... -
    # 1. Seri') gave no round; 'Ligi' (league) names the meet
    doc = parse(
        "Kızılırmak Kulüpler Arası Atletizm Ligi\n"
        "100m Yıldız Erkekler - 1. Seri\n"
        "Sıra;Adı Soyadı;D.Yılı;Kulübü;Derece\n"
        "1;MERT ÇELİK;2011;Yeşilova SK;11.91\n"
        "2;ONUR KAYA;2011;Boğaziçi SK;12.22\n"
    )
    assert doc["meet"]["name"] == "Kızılırmak Kulüpler Arası Atletizm Ligi"
    [ev] = doc["events"]
    assert (ev["gender"], ev["round"]) == ("M", "Heats")
    assert [(r["place"], r["athlete"], r["year"]) for r in ev["results"]] == [
        (1, "MERT ÇELİK", "2011"),
        (2, "ONUR KAYA", "2011"),
    ]


# columns named once, each row an array: RaceResult's lists (grouped, an id before the cells)
# and DataTables' sources
RACERESULT = """{"list": {"ListName": "Results Overall", "HeadLine1": "Duinenloop",
  "HeadLine2": "17.11.2024 - 15 km", "Fields": [{"Expression": "RANK", "Label": "Pl."},
  {"Expression": "DisplayName", "Label": "Name"}, {"Expression": "CLUB", "Label": "Club"},
  {"Expression": "TIME", "Label": "Time"}]},
 "data": {"#1_Female": [["412", "1.", "Kuipers, Geertje", "AV Snel", "1:00:50"]],
          "#2_Male": [["1203", "1.", "Hoekstra, Jelle", "", "57:15"],
                      ["19", "2.", "Kuipers, Koen", "AV Noord", "57:23"]]}}"""
DATATABLES = """{"columns": [{"title": "Place"}, {"title": "Athlete"}, {"title": "School"},
  {"title": "Time"}], "data": [["1", "Ann Lee", "Ridge", "16:02.1"],
  ["2", "Bea Cole", "Lake", "16:10.4"]]}"""


@pytest.mark.parametrize(
    ("text", "meet", "events"),
    [
        (
            RACERESULT,
            ("Duinenloop", "2024-11-17"),
            [
                ("Female", "F", [(1, "Kuipers, Geertje", "AV Snel", 3650.0)]),
                (
                    "Male",
                    "M",
                    [
                        (1, "Hoekstra, Jelle", None, 3435.0),
                        (2, "Kuipers, Koen", "AV Noord", 3443.0),
                    ],
                ),
            ],
        ),
        (
            DATATABLES,
            (None, None),
            [
                (
                    "Results",
                    None,
                    [(1, "Ann Lee", "Ridge", 962.1), (2, "Bea Cole", "Lake", 970.4)],
                )
            ],
        ),
    ],
)
def test_json_naming_its_columns_once_with_rows_as_arrays(text, meet, events):
    doc = parse_document(text.encode())
    out = to_contract(doc)
    assert (out["meet"]["name"], out["meet"]["date"]) == meet
    got = [
        (
            e["event_name"],
            e["gender"],
            [(r["place"], r["athlete"], r["team"], r["mark_normalized"]) for r in e["results"]],
        )
        for e in out["events"]
    ]
    assert got == events
    audit = audit_document(text.encode(), doc)
    assert (audit.verdict, audit.coverage) == ("parsed", 1.0)


def test_a_csv_of_team_scores_with_their_scorers_and_total_time():
    csv = (
        "Race,Place,Team,Score,R1,R2,R3,R4,R5,Total Time,Avg Time\n"
        "Boys 5K,1,Larkspur,54,3,6,7,18,20,1:21:44.5,16:20.9\n"
        "Boys 5K,2,Kessler,57,5,9,11,15,17,1:21:43.0,16:20.6\n"
        "Girls 5K,1,Kessler,40,1,2,9,12,16,1:31:10.2,18:14.0\n"
    )
    out = to_contract(parse_document(csv.encode(), None, "teams.csv"))
    got = [
        (
            e["event_name"],
            e["kind"],
            [(r["place"], r["team"], r["mark_normalized"]) for r in e["results"]],
        )
        for e in out["events"]
    ]
    assert got == [
        ("Boys 5K", "team_scores", [(1, "Larkspur", 54.0), (2, "Kessler", 57.0)]),
        ("Girls 5K", "team_scores", [(1, "Kessler", 40.0)]),
    ]
