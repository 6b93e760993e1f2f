# ruff: noqa: E501, SIM905  (data tables of names and phrases)
"""Synthetic but realistic track & field articles for the benchmarks (deterministic by seed).

Athlete names follow a skewed popularity (a few stars appear in many articles, most names in a
few), meets recur every year, bodies are ~250-450 words of meet-report prose with marks, places,
schools and quotes. ``article(i)`` gives the same article for the same ``i`` in every run.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache

FIRST = """Josh Jakob Yared Cole Hobbs Grant Cooper Nico Parker Quincy Noah Fred Erriyon Kenny Trayvon
Christian Rai Devon Grant Michael Sydney Shelly Sha'Carri Gabby Athing Faith Femke Keely Jasmine
Julien Tara Elle Heather Alicia Karissa Weini Sinclaire Nia Tobi Masai Rachel Anna Quanera Valarie
Jenna Abby Dalilah Laura Sage Katelyn Roisin Anavia Kendall Lexi Jordan Ethan Logan Caleb Owen
Mason Luke Aaron Drew Leo Simeon Connor Gary Tyler Ryan Liam Adam Brandon Marcus Isaac Emmanuel
Olivia Emma Ava Sophia Isabella Mia Charlotte Amelia Harper Evelyn Abigail Emily Ella Madison Lily
Chloe Grace Zoe Hannah Addison Natalie Brooklyn Savannah Audrey Claire Skylar Lucy Paisley Aubrey
Mateo Diego Santiago Matthias Lukas Elias Felix Oskar Henrik Mats Karsten Narve Filip Viktor""".split()
LAST = """Kerr Ingebrigtsen Nuguse Hocker Fisher Prakel Hunter Young Kessler Lyles Knighton Bednarek
Bromell Coleman Benjamin Norman Kerley Richardson Jackson Richardson Thomas Mu Kipyegon Bol Hodgkinson
Fields Alexander Tuohy Montano Bisrat Dunlap Kennedy Hall Schweizer Walker Hilliard Cranny Mclaughlin
Hull Diachenko Morgan Chebet Adeleke Hunter Hayes Alvarez Cisneros Pereira Mensah Okafor Nakamura
Johansson Lindqvist Moreau Dubois Rossi Bianchi Garcia Martinez Rodriguez Hernandez Lopez Gonzalez
Wilson Anderson Taylor Moore Martin Lee Perez White Harris Sanchez Clark Ramirez Lewis Robinson
Walker Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Campbell Mitchell
Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris
Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox
Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Myers Long
Foster Sanders Ross Morales Powell Sullivan Russell Ortiz Jenkins Perry Butler Barnes Fisher
Henderson Coleman Simmons Patterson Jordan Reynolds Hamilton Graham Kimani Wanjiru Tesfaye Gebre
Haile Bekele Cheruiyot Kiprop Rotich Mwangi Okonkwo Eze Adeyemi Abdi Farah Hassan Warholm Benjamin
Duplantis Crouser Kovacs Ealey Mihambo Rojas Stefanidi Nageotte Moon Harrison Seville Tebogo""".split()
MEETS = [
    "Prefontaine Classic",
    "Penn Relays",
    "Drake Relays",
    "Texas Relays",
    "Arcadia Invitational",
    "Brooks PR Invitational",
    "Nike Outdoor Nationals",
    "New Balance Nationals Outdoor",
    "New Balance Nationals Indoor",
    "Millrose Games",
    "Boston Marathon",
    "NCAA Outdoor Championships",
    "NCAA Indoor Championships",
    "USATF Outdoor Championships",
    "US Olympic Trials",
    "Mt. SAC Relays",
    "Stanford Invitational",
    "Florida Relays",
    "Kansas Relays",
    "Sea Ray Relays",
    "Golden South Classic",
    "Nike Cross Nationals",
    "Foot Locker Cross Country Championships",
    "CIF State Championships",
    "Texas UIL State Meet",
    "Florida FHSAA State Meet",
    "New York State Federation Championships",
    "Michigan State Finals",
    "Ohio State Meet",
    "Bislett Games",
    "Diamond League Final",
    "World Athletics Championships",
    "Olympic Games",
    "Adidas Dream Mile",
    "Hoka Festival of Miles",
    "Music City Distance Carnival",
    "Sound Running On Track Fest",
    "Husky Classic",
    "Armory Track Invitational",
    "Simplot Games",
    "Dr. Martin Luther King Jr. Collegiate Invitational",
    "Big Ten Championships",
    "SEC Championships",
    "ACC Championships",
    "Pac-12 Championships",
    "Ivy League Heptagonals",
    "Chicago Marathon",
    "New York City Marathon",
    "Great Southwest Classic",
    "Meet of Champions",
    "Eastern States Championships",
    "Arcadia Invite",
    "Dual in the Desert",
]
EVENTS = [
    "100 meters",
    "200 meters",
    "400 meters",
    "800 meters",
    "1,500 meters",
    "mile",
    "3,000 meters",
    "5,000 meters",
    "10,000 meters",
    "3,000-meter steeplechase",
    "110-meter hurdles",
    "100-meter hurdles",
    "400-meter hurdles",
    "4x100 relay",
    "4x400 relay",
    "distance medley relay",
    "high jump",
    "pole vault",
    "long jump",
    "triple jump",
    "shot put",
    "discus",
    "javelin",
    "hammer throw",
    "decathlon",
    "heptathlon",
]
CITIES = [
    "Eugene",
    "Philadelphia",
    "Des Moines",
    "Austin",
    "Arcadia",
    "Seattle",
    "Greensboro",
    "New York",
    "Boston",
    "Walnut",
    "Palo Alto",
    "Gainesville",
    "Lawrence",
    "Clovis",
    "Albuquerque",
    "Fayetteville",
    "Los Angeles",
    "Oslo",
    "Zurich",
    "Brussels",
    "Paris",
    "Budapest",
    "Tokyo",
    "Chicago",
    "Portland",
    "Nashville",
    "Pocatello",
    "Jackson",
]
SCHOOLS = [
    "Oregon",
    "Arkansas",
    "Texas A&M",
    "Stanford",
    "Georgetown",
    "BYU",
    "Northern Arizona",
    "Florida",
    "LSU",
    "USC",
    "Tennessee",
    "Alabama",
    "Kentucky",
    "Villanova",
    "Wisconsin",
    "Newbury Park",
    "Great Oak",
    "Brentwood",
    "Loudoun Valley",
    "Tatnall",
    "Union Catholic",
    "Southlake Carroll",
    "Jesuit",
    "Mountain Vista",
    "Fayetteville-Manlius",
    "Cedar City",
    "Baylor",
    "Iowa State",
    "North Carolina",
    "Washington",
    "Virginia Tech",
    "Ole Miss",
]
AUTHORS = [
    "Lori Shontz",
    "Doug Binder",
    "Dave Devine",
    "Jim Spier",
    "Erik Boal",
    "Rich Gonzalez",
    "Marc Bloom",
    "Chris Hunter",
    "Kyle Jones",
    "Jeff Hollobaugh",
    "Paul Merca",
    "Ed Rollins",
]
VERBS = [
    "won",
    "took",
    "captured",
    "claimed",
    "grabbed",
    "edged",
    "powered to",
    "cruised to",
    "stormed to",
    "held on to win",
]
PHRASES = [
    "after a blistering final lap",
    "despite a slow early pace",
    "with a long kick from 300 out",
    "in a photo finish",
    "in wet and windy conditions",
    "under a light tailwind",
    "in front of a packed stadium",
    "in the fastest race of the season",
    "in a tactical affair",
    "after leading wire to wire",
    "with a personal best",
    "with a meet record",
    "with a British record",
    "with a national high school record",
    "with a state record",
    "with a world lead",
    "with a collegiate record",
    "after a late surge",
]
QUOTES = [
    "I just trusted my training and went for it.",
    "The plan was to sit and kick, and it worked.",
    "It was a dumb decision, but it paid off.",
    "I knew I had more in the tank on the last lap.",
    "My coach told me to be patient and I was.",
    "This is going to be an exciting summer.",
    "I felt the crowd carry me down the home stretch.",
    "We came here to win the team title.",
    "Honestly I did not expect to run that fast today.",
    "It hurt, but that is the sport.",
]
FILLER = [
    "Conditions were good for fast times throughout the afternoon session.",
    "The meet drew more than 2,000 athletes from across the country.",
    "Several of the top seeds scratched ahead of the final.",
    "The race went out conservatively before the pace picked up at the bell.",
    "Officials reviewed the finish for several minutes before the results were confirmed.",
    "The crowd at the stadium rose to its feet as the leaders entered the final straight.",
    "Meet organizers said attendance was the highest in a decade.",
    "The field included three of the top five performers in the nation this season.",
    "Wind readings were legal for all but one of the sprint heats.",
    "Team scores tightened after the field events were completed late in the day.",
]


def _zipf_pick(rng: random.Random, seq: list[str], skew: float = 1.2) -> str:
    k = min(int(rng.paretovariate(skew)) - 1, len(seq) - 1)
    return seq[k]


@lru_cache(maxsize=1)
def _people() -> list[str]:
    rng = random.Random(7)
    names = sorted({f"{f} {g}" for f in FIRST for g in LAST})
    rng.shuffle(names)
    return names  # ~30k names; a Pareto pick makes the first ones the stars


@dataclass
class Synth:
    i: int
    headline: str
    dek: str
    authors: list[str]
    published_at: str
    meet_name: str
    meet_year: int
    city: str
    body: str
    url: str


def _mark(rng: random.Random, event: str) -> str:
    if (
        "jump" in event
        or "vault" in event
        or event in ("shot put", "discus", "javelin", "hammer throw")
    ):
        return f"{rng.randint(1, 80)}-{rng.randint(0, 11)}"
    if event in ("decathlon", "heptathlon"):
        return f"{rng.randint(5000, 8900):,} points"
    m, s = rng.randint(0, 30), rng.uniform(9.5, 59.99)
    return f"{m}:{s:05.2f}" if m else f"{s:.2f}"


def article(i: int, base_year: int = 2014, years: int = 11) -> Synth:
    rng = random.Random(i * 7919 + 13)
    people = _people()
    star = people[min(int(rng.paretovariate(0.9)) - 1, len(people) - 1)]
    others = [people[rng.randrange(len(people))] for _ in range(4)]
    meet = _zipf_pick(rng, MEETS, 0.8)
    year = base_year + (i * 37 % years)
    day = 1 + rng.randrange(364)
    month, dom = 1 + (day // 31) % 12, 1 + day % 28
    hour, minute = rng.randrange(24), rng.randrange(60)
    event = rng.choice(EVENTS)
    city = rng.choice(CITIES)
    school = rng.choice(SCHOOLS)
    verb = rng.choice(VERBS)
    phrase = rng.choice(PHRASES)
    mark = _mark(rng, event)
    headline = rng.choice(
        [
            f"{star} {verb.title()} {event.title()} At {meet}",
            f"{star} Runs {mark} To Win {event.title()} At {year} {meet}",
            f"{meet} {year}: {star} Leads {school} Sweep",
            f"{star}, {others[0]} Headline Day Two Of The {meet}",
            f"Recap: {event.title()} At The {year} {meet}",
        ]
    )
    dek = (
        f"{star.split()[-1]} {verb} the {event} {phrase}; {others[0]} second in {_mark(rng, event)}"
    )
    paras = [
        f"{city.upper()} -- {star} of {school} {verb} the {event} in {mark} {phrase} "
        f"at the {year} {meet} on {['Friday', 'Saturday', 'Sunday'][rng.randrange(3)]}."
    ]
    for k in range(rng.randint(4, 8)):
        who = others[k % 4] if k % 3 else star
        ev = rng.choice(EVENTS)
        sentences = [
            f"{who} finished {['second', 'third', 'fourth', 'fifth'][k % 4]} in the {ev} in "
            f"{_mark(rng, ev)}, {rng.choice(PHRASES)}.",
            rng.choice(FILLER),
            f'"{rng.choice(QUOTES)}" said {who.split()[-1]}, a {rng.choice(["senior", "junior", "sophomore", "freshman"])} '
            f"at {rng.choice(SCHOOLS)}.",
            rng.choice(FILLER),
            f"{rng.choice(people)} and {rng.choice(people)} also {rng.choice(VERBS)} heats "
            f"in the {rng.choice(EVENTS)}.",
        ]
        rng.shuffle(sentences)
        paras.append(" ".join(sentences[: rng.randint(3, 5)]))
    return Synth(
        i=i,
        headline=headline,
        dek=dek,
        authors=[rng.choice(AUTHORS)],
        published_at=f"{year}-{month:02d}-{dom:02d}T{hour:02d}:{minute:02d}:00-05:00",
        meet_name=meet,
        meet_year=year,
        city=city,
        body="\n\n".join(paras),
        url=f"https://news.example.org/{year}/{month:02d}/article-{i}",
    )


def article_row(s: Synth, fetched_at: str = "2026-11-01T10:00:00+00:00") -> dict:
    """The articles-table row of a synthetic article (what the store stage writes)."""
    import hashlib
    import json

    return {
        "canonical_url": s.url,
        "url": s.url,
        "parser": "generic/1",
        "fetched_at": fetched_at,
        "headline": s.headline,
        "dek": s.dek,
        "authors": json.dumps(s.authors),
        "publisher": "Example News",
        "published_raw": s.published_at,
        "published_at": s.published_at,
        "timezone": "America/Chicago",
        "meet_name": s.meet_name,
        "meet_year": s.meet_year,
        "body": s.body,
        "word_count": len(s.body.split()),
        "language": "en",
        "tags": "[]",
        "paywalled": 0,
        "signals": "{}",
        "results": "[]",
        "content_hash": hashlib.sha1(f"{s.headline}{s.body}".encode()).hexdigest(),
        "first_seen": fetched_at,
        "last_seen": fetched_at,
        "updated_at": fetched_at,
        "source": "example",
    }
