"""Names briefbot recognises in UN text: months and dates, peace operations and political missions, countries
and regions. One list each, for the parsers, the reference reader (refs.py), triage and the answer engine."""

from __future__ import annotations

import re

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"  # regex
MONTH_NUMBER = {m: i for i, m in enumerate(MONTHS.split("|"), start=1)}
DATE_RE = re.compile(rf"\b(\d{{1,2}})\s+({MONTHS})\s+(\d{{4}})\b")  # "15 May 2026": day, month, year
# A period: "six months", "12-month", "18 years", "twenty-four months" (whole: not its "four months").
# "twenty-four months" and "twenty four months" (S/RES/2253 (2015) para. 54) alike: never only "four months".
# "for a period of ninety days" (2146 (2014), para. 11): the tens up to ninety, as the Council writes them.
DURATION_RE = re.compile(r"(?<![\w-])(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                         r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
                         r"\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                         r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)[ -]"
                         r"(?:months?|years?|weeks?|days?)\b", re.I)


def iso_date(day: int | str, month: str, year: int | str) -> str:
    """``iso_date(15, "May", 2026)`` → ``2026-05-15`` (``month`` as in MONTHS)."""
    return f"{int(year):04d}-{MONTH_NUMBER[month]:02d}-{int(day):02d}"


MISSIONS = (
    "MINUSCA", "MONUSCO", "UNMISS", "UNSMIL", "BINUH", "UNAMA", "MINUSMA", "UNMHA", "UNSOM", "UNTMIS", "UNIFIL",
    "UNFICYP", "UNMIK", "UNISFA", "UNAMI", "UNOCA", "UNOWAS", "UNVMC", "UNITAMS", "ATMIS", "AUSSOM", "UNDOF",
    "UNSOS", "MINURSO", "UNMOGIP", "UNTSO", "UNRCCA", "UNODC", "UNIOGBIS", "BINUCA", "MINUSTAH", "MINUJUSTH",
    "UNOCI", "UNMIL", "UNAMSIL", "UNIPSIL", "BINUB", "UNMIT",
    # Closed operations of the Council's records ("Until when is the mandate of UNAMID extended?" named no place,
    # so its termination by 2559 (2020) was not found).
    "UNAMID", "MONUC", "UNMIS", "ONUB",
)
COUNTRIES = (
    "Afghanistan", "Central African Republic", "Colombia", "Cyprus", "Democratic Republic of the Congo",
    "Haiti", "Iraq", "Kosovo", "Lebanon", "Libya", "Mali", "Myanmar", "Niger", "Burkina Faso", "Somalia",
    "South Sudan", "Sudan", "Syrian Arab Republic", "Yemen", "Guinea-Bissau", "Sahel", "Lake Chad", "Chad",
    "Mozambique", "Ukraine", "Venezuela", "Ecuador", "Nigeria", "Ethiopia", "Eritrea", "Iran", "Israel",
    "Democratic People's Republic of Korea", "Western Sahara", "Bosnia and Herzegovina", "Guatemala",
    # Regimes and missions of the Council's records before 2020 (the Côte d'Ivoire Group of Experts, UNMIL, the
    # Sierra Leone diamond embargo): without them a Côte d'Ivoire renewal was of no place and answered on the DRC.
    "Côte d’Ivoire", "Liberia", "Sierra Leone", "Burundi", "Timor-Leste", "Angola",
)

# The capital cities of the countries above, as UN reports spell them: "criminality in the capital" of a question
# on the Central African Republic is the reports' "crime levels in Bangui" (glossary.expansions).
CAPITALS = {
    "Afghanistan": "Kabul", "Central African Republic": "Bangui", "Colombia": "Bogotá", "Cyprus": "Nicosia",
    "Democratic Republic of the Congo": "Kinshasa", "Haiti": "Port-au-Prince", "Iraq": "Baghdad",
    "Kosovo": "Pristina", "Lebanon": "Beirut", "Libya": "Tripoli", "Mali": "Bamako", "Niger": "Niamey",
    "Burkina Faso": "Ouagadougou", "Somalia": "Mogadishu", "South Sudan": "Juba", "Sudan": "Khartoum",
    "Syrian Arab Republic": "Damascus", "Yemen": "Sana’a", "Guinea-Bissau": "Bissau", "Chad": "N’Djamena",
    "Mozambique": "Maputo", "Ukraine": "Kyiv", "Venezuela": "Caracas", "Ecuador": "Quito", "Nigeria": "Abuja",
    "Ethiopia": "Addis Ababa", "Eritrea": "Asmara", "Iran": "Tehran", "Liberia": "Monrovia",
    "Sierra Leone": "Freetown", "Timor-Leste": "Dili", "Angola": "Luanda", "Bosnia and Herzegovina": "Sarajevo",
    "Guatemala": "Guatemala City", "Democratic People's Republic of Korea": "Pyongyang",
}

# The States a "which country" question is answered by (the 193 Member States as UN documents name them, their
# short forms, and the two observer States); COUNTRIES above is where the Council works, this is who a weapon,
# a ship or a national comes from.
STATES = frozenset("""
Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|Azerbaijan|
Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|Botswana|
Brazil|Brunei Darussalam|Bulgaria|Burkina Faso|Burundi|Cabo Verde|Cambodia|Cameroon|Canada|Central African Republic|
Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Côte d'Ivoire|Croatia|Cuba|Cyprus|Czechia|
Czech Republic|Democratic People's Republic of Korea|Democratic Republic of the Congo|Denmark|Djibouti|Dominica|
Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|
France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|
Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|
Kuwait|Kyrgyzstan|Lao People's Democratic Republic|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|
Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|
Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|
Niger|Nigeria|North Macedonia|Norway|Oman|Pakistan|Palau|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|
Portugal|Qatar|Republic of Korea|Republic of Moldova|Romania|Russian Federation|Russia|Rwanda|Saint Kitts and Nevis|
Saint Lucia|Saint Vincent and the Grenadines|Samoa|San Marino|Sao Tome and Principe|Saudi Arabia|Senegal|Serbia|
Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|South Sudan|Spain|
Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syrian Arab Republic|Syria|Tajikistan|Thailand|Timor-Leste|Togo|Tonga|
Trinidad and Tobago|Tunisia|Türkiye|Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|
United Kingdom of Great Britain and Northern Ireland|United Republic of Tanzania|Tanzania|United States|
United States of America|Uruguay|Uzbekistan|Vanuatu|Venezuela|Viet Nam|Yemen|Zambia|Zimbabwe|Holy See|
State of Palestine|Islamic Republic of Iran|Iran (Islamic Republic of)|Bolivarian Republic of Venezuela|
Venezuela (Bolivarian Republic of)|Plurinational State of Bolivia|Bolivia (Plurinational State of)|
Kingdom of the Netherlands|Republic of Türkiye|Federated States of Micronesia|UAE|US|USA|UK|DPRK|DRC|CAR""".replace(
    "\n", "").replace("’", "'").split("|"))

# The country a mission works in: a resolution on MONUSCO is about the Democratic Republic of the Congo even
# when it names the country fewer times than find_missions needs.
MISSION_COUNTRY = {"MINUSCA": "Central African Republic", "MONUSCO": "Democratic Republic of the Congo",
                   "UNMISS": "South Sudan", "UNSMIL": "Libya", "BINUH": "Haiti", "UNAMA": "Afghanistan",
                   "MINUSMA": "Mali", "UNMHA": "Yemen", "UNSOM": "Somalia", "UNTMIS": "Somalia", "UNIFIL": "Lebanon",
                   "UNFICYP": "Cyprus", "UNMIK": "Kosovo", "UNAMI": "Iraq", "UNVMC": "Colombia", "UNITAMS": "Sudan",
                   "ATMIS": "Somalia", "AUSSOM": "Somalia", "UNSOS": "Somalia", "MINURSO": "Western Sahara",
                   "UNIOGBIS": "Guinea-Bissau", "BINUCA": "Central African Republic", "MINUSTAH": "Haiti",
                   "MINUJUSTH": "Haiti", "UNDOF": "Syrian Arab Republic", "UNOCI": "Côte d’Ivoire",
                   "UNMIL": "Liberia", "UNAMSIL": "Sierra Leone", "UNIPSIL": "Sierra Leone", "BINUB": "Burundi",
                   "UNMIT": "Timor-Leste", "UNAMID": "Sudan", "MONUC": "Democratic Republic of the Congo",
                   "UNMIS": "Sudan", "ONUB": "Burundi"}

# A sanctions committee is named by the resolution that set it up: "the 1718 Committee" is the DPRK's, "the 1970
# sanctions regime" Libya's. None: a regime of no one country (1267: ISIL and Al-Qaida; 1540: weapons of mass
# destruction; 1298: Eritrea and Ethiopia), or one whose decisions are filed under terrorism, not the country
# (1988: the Taliban; "the 1988 Committee's Monitoring Team" read as Afghanistan got UNAMA's mandate). Numbers as
# the Council's own committee titles give them.
REGIME_COUNTRY: dict[str, str | None] = {
    "751": "Somalia", "864": "Angola", "985": "Liberia", "1132": "Sierra Leone", "1160": "Kosovo",
    "1267": None, "1298": None, "1343": "Liberia", "1518": "Iraq", "1521": "Liberia",
    "1533": "Democratic Republic of the Congo", "1540": None, "1572": "Côte d’Ivoire", "1591": "Sudan",
    "1636": "Lebanon", "1718": "Democratic People's Republic of Korea", "1737": "Iran", "1907": "Eritrea",
    "1970": "Libya", "1988": None, "2048": "Guinea-Bissau", "2127": "Central African Republic",
    "2140": "Yemen", "2206": "South Sudan", "2374": "Mali", "2653": "Haiti", "2713": "Somalia",
}

# How questions name a country: "the Libyan panel", "DRC".
COUNTRY_ADJECTIVES = {
    "Libyan": "Libya", "Haitian": "Haiti", "Malian": "Mali", "Somali": "Somalia", "Sudanese": "Sudan",
    "South Sudanese": "South Sudan",  # before "Sudanese" alone is dropped from it (refs._on_their_own)
    "Darfur": "Sudan",  # the 1591 sanctions regime is "the Darfur sanctions" to its readers
    "Afghan": "Afghanistan", "Yemeni": "Yemen", "Congolese": "Democratic Republic of the Congo",
    "DRC": "Democratic Republic of the Congo", "CAR": "Central African Republic", "Syrian": "Syrian Arab Republic",
    "Iraqi": "Iraq", "Colombian": "Colombia", "Lebanese": "Lebanon", "Congo": "Democratic Republic of the Congo",
    "Syria": "Syrian Arab Republic", "Côte d'Ivoire": "Côte d’Ivoire", "Cote d'Ivoire": "Côte d’Ivoire",
    "Cote d’Ivoire": "Côte d’Ivoire", "Ivorian": "Côte d’Ivoire", "Liberian": "Liberia",
    "Sierra Leonean": "Sierra Leone",
    # The 1718 regime's readers say "North Korea" (a sweep: "the expert group watching North Korea sanctions" got
    # the South Sudan Panel's renewal, no place being named).
    "North Korea": "Democratic People's Republic of Korea", "North Korean": "Democratic People's Republic of Korea",
    "DPRK": "Democratic People's Republic of Korea",
    # The Council's records before 2002 say "East Timor"; readers say "Timorese".
    "Timorese": "Timor-Leste", "East Timor": "Timor-Leste", "East Timorese": "Timor-Leste",
}
