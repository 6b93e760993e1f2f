"""Column header words -> fields, in the languages results are published in.

One vocabulary for every reader (fixed-width text, PDF text, HTML and spreadsheet tables): a
header cell ("School", "Verein", "Klubb", "Clt", "記録") names a field ("team", "mark", ...).
Words are matched casefolded, whitespace collapsed, trailing ``:``/``.`` tolerated. Each word
comes from the published layouts of a family (Hy-Tek, MeetPro, RaceDay, FinishLynx) or from
federations' and timers' lists in that language (German DLV/SELTEC, Norwegian NFIF, French FFA,
Dutch, Swedish, Finnish, Spanish, Catalan, Portuguese, Italian, Polish, Czech, Danish, Hungarian,
Turkish, Greek, Japanese, Chinese, Korean).

:func:`header_language` tells which language a header line speaks, so that ``07/04/2018`` and
``11-04-12`` can be read day first in a European document.
"""

from __future__ import annotations

import re
from functools import lru_cache

# field -> words (space-separated; multi-word headers use "_" for their inner spaces)
_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "place": "place pl pl. pos pos. position rank rk plc # no. finish place/pos final_place "
        "ranking",
        "overall": "overall ovr overall_place ovr_pl overall_pl",
        "athlete": "name athlete competitor athlete/team runner names athlete_name "
        "name/school participant parkrunner",
        "first": "first first_name firstname given_name",
        "last": "last last_name lastname surname family_name",
        "team": "school team affiliation club team/school school/team institution org "
        "organization college team/club club/team affil team_(team_place) club_name "
        "final_standings standings team_name school_name nat/club club/nat nat/team university",
        "country": "country nat nation nat. noc npc ctry province prov prov. region",
        "city": "city city/state city/st hometown residence city,_st city,_state city_state town "
        "state st location suburb locality",
        "year": "year yr yr. grade gr gr. class cl cl. yob birth_year age ag born dob birthdate "
        "date_of_birth",
        "bib": "bib bib# comp# comp comp_no bib_no bib_# race# no no.# number num #bib",
        "seed": "seed seed# seedmark sd entry seed_time entry_mark pb sb personal_best season_best",
        "prelims": "prelims prelim preliminaries semis semi semifinals semi-finals heats quarters "
        "quarterfinals quarter-finals",
        "finals": "finals final",
        "mark": "time mark result results perf performance distance dist height best mark/time "
        "finals_time finish finish_time official_time total_time metric meters metres",
        "net": "net_time nettime chip chip_time net",
        "gun": "gun gun_time guntime clock_time",
        "wind": "wind w wnd",
        "heat": "h# heat ht sec sec# section flt flight",
        "lane": "lane ln",
        "points": "points pts score sc team_score total tot",
        "pace": "pace avg._mile avg._km avg_mile avg._kn avg._km. mile/pace mile_pace min/mile "
        "min/km pace/mile avg. avg mile km kn km.",
        "sex": "sex gender s m/f sx",
        "category": "div division age_group agegroup age_grp ag_grp group cat category "
        "ag_division age_division ag_group age_category age_cat",
        "divtot": "div/tot divpl div_pl div_place sex/tot sex_pl m/f_place group_place "
        "age_group_place ag_place ag_pl pl_in_ag place_in_ag ag_pos sex_place gender_place cat_pos "
        "cat_pl grp_pos division_place div_pos gen_pl gen_place gender_pl gen_pos sex_pos",
        "relay": "relay",
        "leg": "athletes members team_members runners legs",  # a relay's runners, in one column
        "qual": "q qual note notes",
        "series": "attempts series trials",
        "reaction": "react rt reaction r.t. react_time reaction_time",
        "tiebreak": "tiebreak tie",
        "gap": "gap behind time_behind diff",
    },
    "de": {
        "place": "platz pl rang rg rg. pl. platz_gesamt gesamt",
        "athlete": "name name,_vorname teilnehmer athlet athletin",
        "leg": "besetzung",
        "first": "vorname",
        "last": "nachname",
        "team": "verein mannschaft vereinsname team/verein lg",
        "country": "nat. nation land lv",
        "year": "jg jg. jahrgang jahr-_gang jahr_gang geb. geburtsjahr geburtsdatum geb.-datum "
        "geb.dat. geb.datum",
        "bib": "stnr stnr. startnummer start-_nummer start_nummer startnr. startnr",
        "mark": "ergebnis zeit leistung endzeit nettozeit bruttozeit weite höhe",
        "gun": "brutto",
        "net": "netto",
        "wind": "wind",
        "category": "ak altersklasse klasse wertung kat kat.",
        "divtot": "platz_ak pl._ak",
        "points": "punkte pkt pkt.",
        "heat": "lauf",
        "lane": "bahn",
        "series": "versuche serie",
    },
    "no": {
        "place": "plassering plass pl. nr",
        "athlete": "navn utøver",
        "team": "klubb lag forening",
        "year": "født fødd født_år",
        "mark": "resultat tid",
        "category": "klasse",
        "points": "poeng",
        "wind": "vind",
        "lane": "bane",
        "sex": "kjønn kjonn",
    },
    "sv": {
        "place": "plac plac. placering",
        "athlete": "namn",
        "team": "förening klubb",
        "year": "född år",
        "mark": "resultat tid",
        "category": "klass",
        "points": "poäng",
    },
    "fr": {
        "place": "clt clt. clas. classement rang place",
        "athlete": "nom nom_prénom nom_prenom nom,_prénom athlète concurrent",
        "leg": "relayeurs relayeuses composition",
        "first": "prénom prenom",
        "team": "club équipe equipe ligue",
        "year": "né année naissance an",
        "bib": "dossard doss doss. dos dos.",
        "mark": "temps perf perf. performance chrono résultat marque",
        "category": "cat cat. catégorie categorie",
        "country": "nationalité",
        "pace": "vitesse moy.",
        "lane": "couloir",
        "wind": "vent",
        "series": "essais",
    },
    "nl": {
        "place": "plaats pl. positie",
        "athlete": "naam atleet",
        "team": "vereniging club",
        "year": "geb. geb.jaar geboortejaar jaar jr jr. geb.dat. geb.datum geboortedatum",
        "mark": "tijd prestatie afstand hoogte",
        "category": "categorie",
        "lane": "baan",
        "points": "punten",
    },
    "es": {
        "place": "pos. puesto pto. pto clasif. lugar",
        "gun": "tiempo_oficial",
        "net": "tiempo_chip tiempo_neto",
        "athlete": "nombre atleta apellidos,_nombre apellidos_y_nombre nombre_y_apellidos "
        "apellido,_nombre",
        "leg": "integrantes componentes",
        "team": "club equipo universidad",
        "year": "año nac. f._nac. f.nac. año_nac. nacimiento fecha_nac.",
        "country": "país nacionalidad",
        "mark": "tiempo marca",
        "category": "categoría",
        "bib": "dorsal núm. número",
        "lane": "calle",
        "wind": "viento v.",
        "series": "intentos",
        "points": "puntos ptos.",
    },
    "pt": {
        "place": "classificação classificacao class. colocação colocacao lugar lug. col. col",
        "athlete": "atleta nome",
        "leg": "integrantes componentes",
        "team": "clube equipa equipe associação entidade",
        "year": "idade nascimento ano_nasc. ano nasc. data_nasc. data_de_nascimento",
        "mark": "marca resultado tempo",
        "category": "escalão escalao categoria",
        "wind": "vento",
        "bib": "dorsal nº",
        "lane": "raia pista",
        "points": "pontos pts.",
    },
    "ca": {
        "place": "classificació posició",
        "athlete": "nom_i_cognoms cognoms,_nom atleta",
        "team": "club entitat",
        "year": "any any_naix. naixement",
        "mark": "temps marca",
        "bib": "dors. dorsal",
        "category": "categoria",
    },
    "it": {
        "place": "posizione pos. cl.",
        "athlete": "nome atleta cognome_nome cognome_e_nome cognome,_nome",
        "leg": "componenti frazionisti",
        "team": "società squadra societa",
        "year": "anno anno_nascita",
        "country": "naz. nazione",
        "mark": "tempo prestazione prest. misura",
        "category": "categoria",
        "bib": "pett pett. pettorale",
        "lane": "corsia",
        "wind": "vento",
        "series": "prove tentativi",
        "points": "punti punteggio",
    },
    "fi": {
        "place": "sija sij. sijoitus",
        "athlete": "nimi",
        "team": "seura",
        "year": "synt. syntymävuosi",
        "mark": "tulos aika",
        "category": "sarja",
        "points": "pisteet",
    },
    "pl": {
        "place": "m-ce miejsce msc. msc lp. lp",
        "athlete": "nazwisko_i_imię imię_i_nazwisko zawodnik zawodniczka nazwisko",
        "leg": "skład",
        "first": "imię imie",
        "team": "klub",
        "year": "rocznik rocz. r.ur. rok",
        "mark": "wynik czas",
        "bib": "nr_start.",
        "wind": "wiatr",
        "points": "pkt. punkty",
    },
    "cs": {
        "place": "poř. pořadí umístění",
        "athlete": "jméno příjmení_a_jméno jméno_a_příjmení závodník závodnice",
        "leg": "sestava",
        "last": "příjmení prijmeni",
        "team": "oddíl klub družstvo",
        "year": "roč. ročník nar.",
        "points": "body",
        "mark": "výkon čas",
        "wind": "vítr",
        "bib": "st.č.",
    },
    "da": {
        "athlete": "navn",
        "team": "klub",
        "year": "årgang",
        "mark": "resultat tid",
        "category": "række",
        "points": "point",
    },
    "sk": {
        "place": "por. poradie umiestnenie",
        "athlete": "meno meno_a_priezvisko pretekár pretekárka",
        "last": "priezvisko",
        "team": "oddiel",
        "year": "nar. ročník",
        "mark": "výkon",
    },
    "hr": {
        "athlete": "ime_i_prezime natjecatelj",
        "first": "ime",
        "last": "prezime",
        "team": "klub",
        "year": "godište god.",
        "mark": "rezultat vrijeme",
    },
    "hu": {
        "place": "helyezés hely",
        "athlete": "név versenyző",
        "first": "keresztnév utónév",
        "last": "vezetéknév családnév",
        "team": "egyesület",
        "year": "szül. születési_év",
        "mark": "eredmény idő",
        "wind": "szél",
    },
    "tr": {
        "place": "sıra derece_sırası",
        "athlete": "adı_soyadı ad_soyad sporcu",
        "team": "kulübü kulüp",
        "year": "d.yılı doğum_yılı d.tarihi",
        "mark": "derece",
        "bib": "göğüs_no",
        "points": "puan",
    },
    "el": {
        "place": "θέση θεση κατάταξη",
        "athlete": "ονοματεπώνυμο ονοματεπωνυμο αθλητής αθλήτρια",
        "team": "σύλλογος συλλογος σωματείο",
        "year": "έτος ετος έτος_γέν. γέννηση",
        "mark": "επίδοση επιδοση χρόνος",
        "wind": "άνεμος ανεμος",
    },
    "ru": {
        "place": "место",
        "athlete": "фамилия,_имя фамилия_имя фио участник спортсмен",
        "team": "команда клуб организация",
        "year": "г.р. год_рождения",
        "mark": "результат время",
        "wind": "ветер",
        "bib": "номер нагр. нагр._номер ст._номер",  # нагрудный номер: the chest number
    },
    "ar": {
        "place": "الترتيب المركز",
        "athlete": "الاسم اللاعب اللاعبة",
        "team": "النادي الفريق",
        "country": "الدولة البلد",
        "mark": "النتيجة الزمن الرقم",
        "wind": "الرياح",
    },
    "ja": {
        "place": "順位 着順",
        "athlete": "氏名 選手名",
        "leg": "走者 オーダー",
        "team": "所属 学校名 学校 チーム 大学名",
        "points": "得点",
        "year": "学年",
        "mark": "記録 タイム",
        "heat": "組",
        "wind": "風 風速",
        "lane": "レーン",
        "bib": "ナンバー ゼッケン",
        "city": "都道府県",
        "qual": "備考",
    },
    "zh": {
        "place": "名次 排名",
        "athlete": "姓名 运动员",
        "team": "单位 代表队 队名",
        "mark": "成绩",
        "wind": "风速",
        "lane": "道次",
        "bib": "号码",
    },
    "ko": {
        "place": "순위",
        "athlete": "성명 이름 선수명",
        "team": "소속",
        "mark": "기록",
        "wind": "풍속",
        "lane": "레인",
        "bib": "배번",
    },
}

HEADER_FIELDS: dict[str, str] = {}
_LANGUAGE: dict[str, str] = {}
for _lang, _fields in _WORDS.items():
    for _field, _words in _fields.items():
        for _w in _words.split():
            _key = _w.replace("_", " ").casefold()  # (Greek final sigma: σ)
            HEADER_FIELDS.setdefault(_key, _field)
            _LANGUAGE.setdefault(_key, _lang)

# every single word that is a header or starts one ('team' of 'Team (Team Place)'): a line
# with fewer than two of them is no header, whatever else it holds
HEADER_WORDS = frozenset(w for key in HEADER_FIELDS for w in key.split())

TEXT_FIELDS = frozenset({"athlete", "team", "relay", "first", "last", "city", "country"})
_EDGES = re.compile(r"^[\s:.\-]+|[\s:]+$")


@lru_cache(maxsize=8192)
def field_of(header: str) -> str | None:
    """'School' -> 'team', 'Verein' -> 'team', 'Avg. Mile' -> 'pace', 'Wuzzle' -> None; a
    word with what its cells hold besides in brackets as the word: 'Time (sec)', '氏名(学年)';
    a header in two languages as its words agree: 'Perf./Prest.' -> 'mark'; 'Team / Members'
    -> 'team'."""
    h = " ".join(header.casefold().replace("_", " ").split())
    hit = HEADER_FIELDS.get(h)
    if hit is not None:
        return hit
    hit = HEADER_FIELDS.get(_EDGES.sub("", h)) or HEADER_FIELDS.get(h.rstrip(":."))
    if hit is None and _LEG_COLUMN.match(h):
        return "leg"  # 'Leg 1' .. 'Leg 4': a relay's runners, one column each
    if hit is None and (m := _BRACKETED.match(h)):
        return HEADER_FIELDS.get(m[1])
    if hit is None and "/" in h.strip("/"):  # two languages' words: 'Pl./Pl.', 'Nom/Naam'
        fields = {field_of(part) for part in h.split("/") if part.strip()}
        fields -= {"leg"} if fields == {"team", "leg"} else set()  # 'Team / Members': the team,
        return fields.pop() if len(fields) == 1 else None  # its runners in its cell
    return hit


_LEG_COLUMN = re.compile(  # a relay runner's column of its own
    r"^(?:leg|runner|athlete|member|läufer(?:in)?|relayeur|etappe)\s*#?\s*[1-8]$"
)
_BRACKETED = re.compile(r"^([^()\[\]]+?)\s*[(\[][^()\[\]]*[)\]]$")


def header_language(words: list[str]) -> str | None:
    """The language most header words of a line belong to, English when undecided."""
    votes: dict[str, int] = {}
    for w in words:
        h = " ".join(w.casefold().split())
        lang = _LANGUAGE.get(h) or _LANGUAGE.get(h.rstrip(":."))
        if lang and lang != "en":
            votes[lang] = votes.get(lang, 0) + 1
    if not votes:
        return "en" if any(field_of(w) for w in words) else None
    return max(votes, key=lambda k: votes[k])
