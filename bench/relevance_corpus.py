"""The synthetic knowledge items of the relevance benchmark (``bench/relevance.py``).

About 300 Dutch knowledge items on RIEC-LIEC subjects, on top of the demo content. Each
item belongs to one *subject* below (``SUBJECTS``): what the item is about is decided by
its subject alone, so the hand-written judgments in ``relevance_judgments.toml`` can grade
items by what they are about. Within a subject the items vary in kind (handreiking,
factsheet, rapport, news…), title and summary wording (compounds and written-out forms,
abbreviations, ``cocaïne``/``cocaine``), region, visibility (about 40% of the products
are for members only) and body sentences; some bodies refer to another subject in passing
("Zie ook…"), so a query word can occur in an item that is not about it.

Every item has a stable slug ``rb-<subject>-<n>`` (also the products' ``external_id``);
the judgments use those slugs. The same seed always gives the same items.
"""

import datetime
import random
from dataclasses import dataclass

SEED = 20261115
PREFIX = "rb-"

REGIONS = [
    "RIEC Noord-Nederland",
    "RIEC Oost-Nederland",
    "RIEC Midden-Nederland",
    "RIEC Noord-Holland",
    "RIEC Amsterdam-Amstelland",
    "RIEC Den Haag",
    "RIEC Rotterdam",
    "RIEC Zeeland-West-Brabant",
    "RIEC Oost-Brabant",
    "RIEC Limburg",
    "LIEC",
]
AUDIENCES = [
    "gemeentelijke juristen",
    "toezichthouders en handhavers",
    "beleidsmedewerkers openbare orde en veiligheid",
    "analisten",
    "burgemeesters en wethouders",
    "wijkagenten en boa's",
]
# Kinds in the order they are dealt out within a subject (after a seeded shuffle).
KINDS = ["handreiking", "factsheet", "nieuws", "rapport", "kennisdocument", "tool", "handboek"]
TITLE_FORMS = {
    "handreiking": "Handreiking {t}",
    "handboek": "Handboek {t}",
    "factsheet": "Factsheet {t}",
    "rapport": "Rapport {t}",
    "kennisdocument": "{T}",
    "tool": "Checklist {t}",
    "nieuws": "{T}",
}
FILLER = [
    "Ondermijning vraagt om een integrale aanpak van gemeente, politie, Openbaar Ministerie "
    "en Belastingdienst.",
    "De aanpak is besproken in het casusoverleg van het RIEC.",
    "Het document is opgesteld met ervaringen uit verschillende gemeenten.",
    "Professionals kunnen vragen stellen in de learning communities van het kennisplatform.",
    "De voorbeelden zijn geanonimiseerd.",
    "Deelnemers aan de bijeenkomst deelden hun ervaringen uit de praktijk.",
    "De tekst wordt jaarlijks herzien door de redactieraad.",
]


@dataclass(frozen=True)
class Subject:
    key: str
    label: str  # how another item refers to it ("Zie ook…")
    themes: tuple[str, ...]
    titles: tuple[str, ...]
    summaries: tuple[str, ...]
    sentences: tuple[str, ...]
    count: int = 7


S = Subject
SUBJECTS = [
    # --- horeca ---
    S(
        "horeca-sluiting",
        "de sluiting van horecapanden",
        ("Horeca", "Bestuurlijke aanpak en APV"),
        (
            "sluiting van een horecapand na een drugsvondst",
            "het sluiten van horecazaken door de burgemeester",
            "tijdelijke sluiting van café's en restaurants",
            "horecasluiting op grond van artikel 13b Opiumwet",
        ),
        (
            "Wanneer de burgemeester een horecapand mag sluiten en hoe de sluiting juridisch "
            "standhoudt.",
            "Stappen van de bestuurlijke sluiting van een horecazaak: van bestuurlijke "
            "rapportage tot de bekendmaking van het besluit.",
            "De burgemeester sloot een pand in de horeca nadat er harddrugs werden gevonden.",
        ),
        (
            "Op grond van artikel 13b Opiumwet kan de burgemeester een pand sluiten als er "
            "drugs worden verkocht of aanwezig zijn.",
            "Artikel 174a Gemeentewet biedt een grondslag om een woning of lokaal te sluiten "
            "bij verstoring van de openbare orde.",
            "Bij een eerste overtreding sluit de gemeente het café meestal drie maanden.",
            "De Damocles-beleidsregel bepaalt de duur van de sluiting van het pand.",
            "Het sluitingsbevel wordt op de deur van de horecazaak aangeplakt.",
            "De exploitant kan bezwaar maken en een voorlopige voorziening vragen.",
            "Na de sluiting volgt vaak een Bibob-toets als het pand opnieuw open wil.",
        ),
        count=8,
    ),
    S(
        "horeca-bibob",
        "de Bibob-toets in de horeca",
        ("Horeca", "Wet Bibob"),
        (
            "de Bibob-toets bij een horecavergunning",
            "integriteitsonderzoek bij de aanvraag van een drank- en horecavergunning",
            "Bibob in de horeca: de exploitatievergunning weigeren",
        ),
        (
            "Hoe een gemeente de Wet Bibob toepast bij de aanvraag van een horecavergunning.",
            "Wanneer de exploitatievergunning van een restaurant op grond van de Wet Bibob "
            "kan worden geweigerd.",
        ),
        (
            "Bij een aanvraag voor een alcoholvergunning vult de ondernemer het "
            "Bibob-vragenformulier in.",
            "De gemeente onderzoekt de herkomst van het geld waarmee de horecazaak is "
            "gefinancierd.",
            "Een ernstig gevaar leidt tot weigering of intrekking van de exploitatievergunning.",
            "Stromannen achter de exploitant komen vaak pas bij het eigen onderzoek in beeld.",
            "Het Landelijk Bureau Bibob kan om advies worden gevraagd als het eigen "
            "onderzoek niet volstaat.",
        ),
    ),
    S(
        "horeca-signalen",
        "signalen van ondermijning in de horeca",
        ("Horeca",),
        (
            "signalen van ondermijning in de horeca",
            "lege restaurants en witwassen in de horecabranche",
            "shishalounges, snackbars en criminele invloed in de horeca",
        ),
        (
            "Welke signalen wijzen op criminele invloed in de horeca, van weinig klanten tot "
            "grote contante omzet.",
            "Toezichthouders herkennen ondermijning in de horecasector aan opvallende "
            "eigendomswisselingen.",
        ),
        (
            "Een restaurant zonder klanten met een hoge contante omzet kan een witwasloket zijn.",
            "Veel wisselingen van exploitant in korte tijd zijn een signaal.",
            "Controleurs letten op zwartwerkers en op ongebruikelijke openingstijden.",
            "Shishalounges en snackbars worden soms gebruikt als ontmoetingsplek van "
            "criminele netwerken.",
            "Signalen uit de horeca worden gedeeld in het gemeentelijk signalenoverleg.",
        ),
    ),
    # --- havens en logistiek ---
    S(
        "haven-cocaine",
        "cocaïnesmokkel via de havens",
        ("Logistieke keten en havens", "Drugscriminaliteit"),
        (
            "cocaïnesmokkel via de haven van Rotterdam",
            "invoer van cocaine via zeehavens",
            "drugssmokkel in containers in de havens",
            "cocaïne-inbeslagnames in Vlissingen en Rotterdam",
        ),
        (
            "Hoe criminele netwerken cocaïne in containers via de Nederlandse havens invoeren.",
            "Cijfers en werkwijzen bij de invoer van cocaine via de haven, en wat "
            "havengemeenten kunnen doen.",
            "De Douane onderschepte opnieuw grote partijen cocaïne in zeecontainers.",
        ),
        (
            "Cocaïne wordt verstopt in legale ladingen, zoals bananen en fruit, in zeecontainers.",
            "De Douane scant containers en werkt samen met het Havenbedrijf.",
            "De havens van Rotterdam, Antwerpen en Vlissingen zijn de belangrijkste "
            "invoerpoorten van cocaine in Europa.",
            "Drugssmokkel via de haven brengt geweld en corruptie naar de havengemeenten.",
            "Het HARC-team van politie, Douane, FIOD en KMar richt zich op de drugssmokkel "
            "in de haven.",
            "Na invoer wordt de cocaïne via de logistieke keten verder verspreid.",
        ),
        count=8,
    ),
    S(
        "haven-logistiek",
        "een weerbare logistieke keten",
        ("Logistieke keten en havens",),
        (
            "weerbaarheid van de logistieke keten",
            "ondermijning in transport en logistiek",
            "criminele insiders bij logistieke bedrijven en havens",
        ),
        (
            "Hoe transportbedrijven, distributiecentra en havens zich weerbaar maken tegen "
            "criminele infiltratie in de logistieke keten.",
            "Over de rol van insiders bij vervoerders en terminals, en hoe ketenpartners "
            "dat voorkomen.",
        ),
        (
            "Criminelen benaderen chauffeurs, planners en terminalpersoneel om ladingen te "
            "manipuleren.",
            "Screening van personeel en toegangsbeheer maken de logistieke keten weerbaarder.",
            "Vervoerders melden verdachte opdrachten bij het Meld Misdaad Anoniem.",
            "Containerterminals in de haven beperken wie bij welke gegevens kan.",
            "Corruptie van havenmedewerkers is een bekende werkwijze bij drugssmokkel.",
            "Publiek-private samenwerking in de logistiek brengt bedrijven en overheid samen.",
        ),
    ),
    S(
        "haven-uithalers",
        "uithalers in de haven",
        ("Logistieke keten en havens", "Jonge aanwas"),
        (
            "uithalers in de haven",
            "jongeren die drugs uit containers halen",
            "aanpak van uithalers op haventerreinen",
        ),
        (
            "Jongeren worden geronseld om drugs uit containers op het haventerrein te halen; "
            "wat gemeenten en politie ertegen doen.",
            "Over uithalers: wie ze zijn, hoe ze worden geworven en welke straf er staat op "
            "het betreden van het haventerrein.",
        ),
        (
            "Uithalers krijgen enkele duizenden euro's om een tas met drugs uit een "
            "container te halen.",
            "Sinds 2022 is het onbevoegd betreden van het haventerrein strafbaar.",
            "De uithalers zijn vaak jonge mannen uit kwetsbare wijken.",
            "Ze verstoppen zich soms dagenlang in containers.",
            "Preventieprogramma's op scholen waarschuwen voor werving via sociale media.",
        ),
    ),
    # --- buitengebied ---
    S(
        "buitengebied-drugslabs",
        "drugslabs in het buitengebied",
        ("Buitengebied", "Drugscriminaliteit"),
        (
            "drugslabs in leegstaande stallen",
            "drugslaboratoria in het buitengebied",
            "misbruik van agrarische schuren voor drugsproductie",
            "synthetische drugsproductie op boerenerven",
        ),
        (
            "Waarom leegstaande stallen en schuren in het buitengebied gewild zijn voor "
            "drugslabs, en hoe gemeenten dat tegengaan.",
            "Criminelen huren agrarische panden voor de productie van synthetische drugs.",
            "Een drugslaboratorium in een voormalige varkensstal werd opgerold.",
        ),
        (
            "Leegstaande stallen liggen afgelegen en vallen weinig op.",
            "Criminelen bieden boeren veel geld om een schuur te huren.",
            "In het buitengebied worden vooral labs voor amfetamine en MDMA aangetroffen.",
            "Stoppende boeren hebben vaak lege gebouwen op het erf.",
            "Buren merken soms een vreemde anijsgeur of veel verkeer 's nachts.",
            "De provincie en gemeenten brengen vrijkomende agrarische bebouwing in kaart.",
        ),
        count=8,
    ),
    S(
        "buitengebied-boeren",
        "weerbare agrarische ondernemers",
        ("Buitengebied",),
        (
            "boeren benaderd door criminelen",
            "weerbare agrarische ondernemers in het buitengebied",
            "verleiding van boeren om schuren te verhuren",
        ),
        (
            "Wat een agrariër kan doen als hij wordt benaderd om zijn schuur of erf te "
            "verhuren aan criminelen.",
            "Met ZLTO en LTO maken gemeenten boeren en tuinders bewust van ondermijning.",
        ),
        (
            "Boeren met financiële problemen zijn kwetsbaar voor criminele verleiding.",
            "ZLTO organiseert bijeenkomsten over weerbaarheid voor agrarische ondernemers.",
            "Een boer die zijn stal verhuurt zonder te vragen waarvoor, loopt grote risico's.",
            "De gemeente bezoekt erven met een keukentafelgesprek.",
            "Agrariërs kunnen signalen anoniem melden.",
        ),
    ),
    S(
        "buitengebied-dumpingen",
        "drugsafvaldumpingen",
        ("Buitengebied", "Drugscriminaliteit"),
        (
            "dumpingen van drugsafval in de natuur",
            "drugsafval in het buitengebied opruimen",
            "vaten met chemisch afval in bos en berm",
        ),
        (
            "Wie betaalt het opruimen van gedumpt drugsafval, en wat doen grondeigenaren en "
            "gemeenten bij een vondst.",
            "Dumpingen van synthetisch drugsafval vervuilen bodem en water in het buitengebied.",
        ),
        (
            "Bij de productie van een kilo amfetamine ontstaat vele liters chemisch afval.",
            "Grondeigenaren krijgen een vergoeding voor de opruimkosten uit de provinciale "
            "regeling.",
            "Vaten met afval worden gedumpt in bossen, bermen en op landbouwgrond.",
            "Bij een vondst waarschuwt men de politie en raakt men niets aan.",
            "De bodem moet na een lozing soms worden gesaneerd.",
        ),
    ),
    # --- raadsleden ---
    S(
        "raadsleden-toolbox",
        "de toolbox voor nieuwe raadsleden",
        ("Weerbare overheid en integriteit",),
        (
            "toolbox ondermijning voor nieuwe raadsleden",
            "raadsleden voorbereiden op de gemeenteraadsverkiezingen",
            "introductieprogramma ondermijning voor de nieuwe gemeenteraad",
        ),
        (
            "Materiaal om nieuwe raadsleden na de gemeenteraadsverkiezingen bewust te maken "
            "van ondermijning.",
            "Een toolbox met presentaties, dilemma's en een checklist voor de introductie "
            "van de gemeenteraad na de verkiezingen.",
        ),
        (
            "De toolbox bevat een presentatie voor de griffie en een dilemmakaart.",
            "Nieuwe raadsleden leren wat ondermijning in hun gemeente betekent.",
            "Het programma past in de inwerkperiode na de verkiezingen.",
            "Griffiers kunnen de toolbox aanpassen aan de eigen gemeente.",
            "Ook wethouders en burgemeesters gebruiken het materiaal.",
        ),
    ),
    S(
        "raadsleden-weerbaarheid",
        "de weerbaarheid van volksvertegenwoordigers",
        ("Weerbare overheid en integriteit",),
        (
            "weerbaarheid van raadsleden en wethouders",
            "intimidatie en bedreiging van lokale politici",
            "weerbaar bestuur: politieke ambtsdragers onder druk",
        ),
        (
            "Hoe gemeenteraadsleden en wethouders omgaan met intimidatie, bedreiging en "
            "beïnvloeding door criminelen.",
            "Over de weerbaarheid van politieke ambtsdragers en wat de gemeente doet als een "
            "raadslid wordt bedreigd.",
        ),
        (
            "Een op de vijf raadsleden kreeg te maken met agressie of intimidatie.",
            "Criminelen proberen via lokale politici invloed te krijgen op vergunningen.",
            "De gemeente spreekt met raadsleden af hoe zij een bedreiging melden.",
            "Het netwerk Weerbaar Bestuur ondersteunt politieke ambtsdragers.",
            "Trainingen helpen volksvertegenwoordigers om grenzen te stellen.",
        ),
    ),
    S(
        "raadsleden-screening",
        "de screening van kandidaat-raadsleden",
        ("Weerbare overheid en integriteit",),
        (
            "screening van kandidaat-raadsleden voor de verkiezingen",
            "integriteitstoets op de kandidatenlijst",
            "risicoanalyse bij de kandidaatstelling van politieke partijen",
        ),
        (
            "Hoe politieke partijen hun kandidaten voor de gemeenteraadsverkiezingen "
            "screenen op integriteitsrisico's.",
            "Een handreiking voor lokale partijen over de VOG en het integriteitsgesprek met "
            "kandidaat-raadsleden.",
        ),
        (
            "Partijen vragen kandidaten om een verklaring omtrent het gedrag.",
            "In een integriteitsgesprek komen nevenfuncties en financiële belangen aan bod.",
            "De gemeente mag kandidaten zelf niet screenen; dat doen de partijen.",
            "Lokale partijen hebben vaak minder ervaring met screening dan landelijke.",
        ),
    ),
    # --- Wet Bibob ---
    S(
        "bibob-advies",
        "Bibob-adviezen van het LBB",
        ("Wet Bibob",),
        (
            "een Bibob-advies aanvragen bij het Landelijk Bureau Bibob",
            "adviesaanvragen van gemeenten aan het LBB",
            "Wet Bibob: wanneer vraagt de gemeente advies",
        ),
        (
            "Wanneer en hoe een gemeente het Landelijk Bureau Bibob om advies vraagt, en "
            "wat zij met het advies doet.",
            "Over de adviesaanvraag onder de Wet Bibob: voorwaarden, termijnen en de "
            "weging van het advies door het bestuursorgaan.",
        ),
        (
            "Het LBB brengt binnen acht weken advies uit, met één keer vier weken verlenging.",
            "De gemeente doet eerst een eigen Bibob-onderzoek.",
            "Het advies beschrijft de mate van gevaar: geen, minder ernstig of ernstig.",
            "Het bestuursorgaan weegt het advies zelf en blijft verantwoordelijk voor het besluit.",
            "Gemeenten vragen vooral advies bij horeca, vastgoed en exploitatievergunningen.",
        ),
        count=8,
    ),
    S(
        "bibob-beleid",
        "een gemeentelijke Bibob-beleidslijn",
        ("Wet Bibob",),
        (
            "een Bibob-beleidslijn voor de gemeente",
            "het eigen Bibob-onderzoek van gemeenten",
            "de Wet Bibob bij vastgoedtransacties en subsidies",
        ),
        (
            "Hoe een gemeente haar beleid voor de toepassing van de Wet Bibob opstelt: "
            "branches, gebieden en vragenformulieren.",
            "Gemeenten kunnen de Wet Bibob ook toepassen bij de verkoop en verhuur van "
            "gemeentelijk vastgoed en bij subsidies.",
        ),
        (
            "In de beleidslijn staat bij welke vergunningen de gemeente Bibob toepast.",
            "Sinds de wetswijziging van 2020 kunnen gemeenten meer informatie delen met "
            "andere bestuursorganen.",
            "Het vragenformulier wordt per branche aangepast.",
            "Bij vastgoedtransacties neemt de gemeente een Bibob-clausule op in het contract.",
            "Een Bibob-coördinator bewaakt de kwaliteit van het eigen onderzoek.",
        ),
    ),
    # --- vastgoed ---
    S(
        "vastgoed-witwassen",
        "witwassen via vastgoed",
        ("Vastgoed", "Criminele geldstromen en witwassen"),
        (
            "witwassen via vastgoed",
            "vastgoedcriminaliteit en crimineel geld in woningen",
            "criminaliteit in vastgoed: ABC-transacties en contante aankopen",
            "vastgoedfraude en witwasconstructies",
        ),
        (
            "Hoe crimineel vermogen wordt witgewassen via de aankoop van woningen en "
            "bedrijfspanden.",
            "Signalen van vastgoedcriminaliteit, zoals snelle doorverkopen en financiering "
            "uit onbekende bron.",
            "Over criminaliteit in vastgoed: stromannen, ABC-transacties en buitenlandse leningen.",
        ),
        (
            "Bij een ABC-transactie wordt een pand op één dag meerdere keren verkocht tegen "
            "een steeds hogere prijs.",
            "Criminelen kopen woningen met contant geld of met een lening uit het buitenland.",
            "Notarissen en makelaars zijn poortwachters en moeten ongebruikelijke "
            "transacties melden.",
            "Vastgoed is aantrekkelijk om crimineel geld te parkeren en wit te wassen.",
            "Het Kadaster levert gegevens voor analyses van vastgoedtransacties.",
            "De gemeente kan bij verdachte panden de Wet Bibob toepassen.",
        ),
        count=8,
    ),
    S(
        "vastgoed-verhuur",
        "malafide verhuur van woningen",
        ("Vastgoed", "Mensenhandel"),
        (
            "malafide verhuurders en huisjesmelkers",
            "overbewoning en uitbuiting van huurders",
            "malafide kamerverhuur aan arbeidsmigranten",
        ),
        (
            "Hoe malafide verhuurders arbeidsmigranten en kwetsbare huurders uitbuiten, en "
            "wat de gemeente met de Wet goed verhuurderschap kan doen.",
            "Over huisjesmelkers: overbewoning, te hoge huren en de verhuurvergunning.",
        ),
        (
            "De Wet goed verhuurderschap geeft gemeenten een verhuurvergunning als instrument.",
            "Bij overbewoning wonen soms twintig mensen in één huis.",
            "Huurders worden uitgebuit met hoge huren die op het loon worden ingehouden.",
            "Controles samen met de brandweer brengen gevaarlijke situaties aan het licht.",
            "Malafide verhuurders gebruiken stromannen als eigenaar.",
        ),
    ),
    S(
        "vastgoed-bedrijfspanden",
        "misbruik van bedrijfspanden",
        ("Vastgoed", "Bedrijventerreinen"),
        (
            "crimineel gebruik van loodsen en bedrijfspanden",
            "verhuur van bedrijfsruimte aan criminelen",
            "signalen voor verhuurders van bedrijfspanden",
        ),
        (
            "Hoe eigenaren en verhuurders van loodsen en bedrijfsruimten misbruik voor "
            "drugsopslag en hennepteelt herkennen.",
            "Over huurcontracten, contante huur en andere signalen bij de verhuur van "
            "bedrijfspanden.",
        ),
        (
            "Een huurder die een jaar huur contant vooruitbetaalt is een signaal.",
            "In loodsen worden drugs opgeslagen, hennep geteeld of auto's omgebouwd.",
            "Verhuurders kunnen een huurder vooraf screenen.",
            "Het modelhuurcontract bevat een ontbindingsclausule bij criminele activiteiten.",
            "Dichtgeplakte ramen en een hoog stroomverbruik vallen op.",
        ),
    ),
    # --- drugs ---
    S(
        "drugslab-ontmanteling",
        "de ontmanteling van drugslabs",
        ("Drugscriminaliteit",),
        (
            "ontmanteling van een drugslaboratorium",
            "opruimen van drugslabs en de kosten voor gemeenten",
            "drugslab opgerold: wat moet de gemeente doen",
        ),
        (
            "Wat er gebeurt na de vondst van een drugslab: ontmanteling, veiligheid, kosten "
            "en de rol van de gemeente.",
            "Een drugslaboratorium opruimen is gevaarlijk en duur; de handreiking beschrijft "
            "wie wat doet.",
        ),
        (
            "De Landelijke Faciliteit Ondersteuning Ontmantelen ruimt drugslabs op.",
            "Chemicaliën in een lab kunnen exploderen of giftige dampen geven.",
            "De eigenaar van het pand draait vaak op voor de kosten van de ontmanteling.",
            "De burgemeester kan het pand na de vondst sluiten op grond van de Opiumwet.",
            "Omwonenden worden geïnformeerd met een bewonersbrief.",
        ),
    ),
    S(
        "drugslab-signalen",
        "signalen van drugsproductie",
        ("Drugscriminaliteit",),
        (
            "signalen van synthetische drugsproductie herkennen",
            "een drugslab in de woonwijk herkennen",
            "herkennen van hennepkwekerijen en drugslabs",
        ),
        (
            "Welke signalen wijzen op een drugslab of hennepkwekerij: geur, vaten, "
            "stroomverbruik en verkeer.",
            "Voor toezichthouders en woningcorporaties: zo herkent u drugsproductie in een "
            "woning of bedrijfspand.",
        ),
        (
            "Een sterke anijsgeur wijst op de productie van amfetamine.",
            "Jerrycans en vaten met chemicaliën bij de afvalbak zijn een signaal.",
            "Hennepkwekerijen gebruiken veel stroom, soms via een illegale aansluiting.",
            "Woningcorporaties trainen hun huismeesters in het herkennen van signalen.",
            "Signalen kunnen worden gemeld bij de politie of Meld Misdaad Anoniem.",
        ),
    ),
    S(
        "drugs-explosies",
        "explosies en aanslagen op panden",
        ("Drugscriminaliteit", "Bestuurlijke aanpak en APV"),
        (
            "explosies bij woningen en bedrijfspanden",
            "aanslagen met explosieven als intimidatie",
            "de aanpak van explosies in de drugswereld",
        ),
        (
            "Explosieven bij voordeuren en bedrijfspanden zijn vaak een afrekening in het "
            "drugsmilieu; hoe gemeenten en politie reageren.",
            "Over de burgemeestersbevoegdheid om een pand te sluiten na een explosie.",
        ),
        (
            "Het aantal explosies bij woningen is sterk gestegen.",
            "Jongeren worden geronseld om voor een klein bedrag een explosief te plaatsen.",
            "De burgemeester kan een woning sluiten na een explosie als herhaling dreigt.",
            "Omwonenden krijgen hulp van slachtofferhulp en de gemeente.",
        ),
    ),
    # --- mensenhandel ---
    S(
        "mensenhandel-arbeidsuitbuiting",
        "arbeidsuitbuiting",
        ("Mensenhandel",),
        (
            "arbeidsuitbuiting van arbeidsmigranten",
            "arbeidsuitbuiting in de land- en tuinbouw",
            "uitbuiting van werknemers in distributiecentra",
            "signalen van arbeidsuitbuiting",
        ),
        (
            "Hoe arbeidsuitbuiting van arbeidsmigranten herkend en aangepakt wordt, samen "
            "met de Nederlandse Arbeidsinspectie.",
            "Over uitbuiting op het werk: lange dagen, ingehouden loon en afhankelijkheid "
            "van de werkgever voor huisvesting.",
        ),
        (
            "De Nederlandse Arbeidsinspectie controleert uitzendbureaus en werkgevers.",
            "Arbeidsmigranten zijn afhankelijk van hun werkgever voor werk, woning en vervoer.",
            "Loon wordt ingehouden voor huur, boetes en vervoer.",
            "Malafide uitzendbureaus schuiven werknemers door tussen bedrijven.",
            "Slachtoffers van arbeidsuitbuiting melden zich zelden zelf.",
            "Arbeidsuitbuiting is een vorm van mensenhandel.",
        ),
        count=8,
    ),
    S(
        "mensenhandel-seksueel",
        "seksuele uitbuiting",
        ("Mensenhandel",),
        (
            "seksuele uitbuiting en de prostitutievergunning",
            "mensenhandel in de seksbranche",
            "loverboys en seksuele uitbuiting van jongeren",
        ),
        (
            "Hoe gemeenten met de vergunning voor seksbedrijven en toezicht seksuele "
            "uitbuiting tegengaan.",
            "Over loverboys en de seksuele uitbuiting van minderjarigen: signalen en hulp.",
        ),
        (
            "De APV regelt een vergunningplicht voor seksbedrijven.",
            "Slachtoffers van seksuele uitbuiting worden vaak onder druk gezet met schulden.",
            "Loverboys winnen eerst het vertrouwen van een jong meisje.",
            "Toezichthouders voeren gesprekken met sekswerkers zonder de exploitant erbij.",
            "Illegale prostitutie verschuift naar hotels en particuliere woningen.",
        ),
    ),
    # --- OMG ---
    S(
        "omg-clubhuis",
        "het sluiten van clubhuizen van motorbendes",
        ("Outlaw Motorcycle Gangs", "Bestuurlijke aanpak en APV"),
        (
            "het sluiten van een OMG-clubhuis",
            "clubhuizen van outlaw motorcycle gangs sluiten",
            "bestuurlijke aanpak van clubhuizen van motorbendes",
        ),
        (
            "Wanneer de burgemeester het clubhuis van een outlaw motorcycle gang kan "
            "sluiten, en hoe dat juridisch standhoudt.",
            "Gemeenten sluiten clubhuizen van OMG's op grond van de Gemeentewet en de APV.",
        ),
        (
            "Na een schietincident sloot de burgemeester het clubhuis voor zes maanden.",
            "Het clubhuis is het centrum van de motorclub en vaak zwaar beveiligd.",
            "Een bestemmingsplan kan een clubhuis op een bedrijventerrein uitsluiten.",
            "Bij de sluiting werkt de gemeente samen met politie en OM.",
            "Leden van de club zoeken na de sluiting vaak een nieuw pand.",
        ),
    ),
    S(
        "omg-verbod",
        "verboden motorclubs",
        ("Outlaw Motorcycle Gangs",),
        (
            "het verbod op outlaw motorcycle gangs",
            "verboden motorclubs en het dragen van colours",
            "OMG's in beeld: de landelijke aanpak van motorbendes",
        ),
        (
            "Na het civielrechtelijke verbod van onder meer Satudarah en Bandidos: wat "
            "betekent dat voor gemeenten?",
            "Over colours, hesjes en het kledingverbod in de horeca voor leden van OMG's.",
        ),
        (
            "De Hoge Raad bevestigde het verbod op Satudarah.",
            "Voortzetting van een verboden vereniging is strafbaar.",
            "Sommige horecaondernemers weren leden met colours.",
            "De landelijke stuurgroep bundelt informatie over outlaw motorcycle gangs.",
        ),
    ),
    # --- APV en bestuurlijke aanpak ---
    S(
        "apv-modelbepalingen",
        "APV-bepalingen tegen ondermijning",
        ("Bestuurlijke aanpak en APV",),
        (
            "APV-bepalingen tegen ondermijning",
            "de algemene plaatselijke verordening als instrument",
            "modelbepalingen in de APV: vergunningplicht voor risicobranches",
        ),
        (
            "Welke bepalingen in de algemene plaatselijke verordening gemeenten helpen "
            "ondermijning tegen te gaan.",
            "Een vergunningplicht in de APV voor risicobranches zoals shishalounges, "
            "belwinkels en massagesalons.",
        ),
        (
            "De VNG-model-APV is het vertrekpunt voor de meeste gemeenten.",
            "Met een exploitatievergunning krijgt de gemeente zicht op wie een bedrijf runt.",
            "Een vergunningplicht opent de weg naar een Bibob-toets.",
            "De raad stelt de APV vast; de burgemeester handhaaft.",
            "Jurisprudentie laat zien dat een goede motivering nodig is.",
        ),
        count=8,
    ),
    S(
        "apv-gebiedsverbod",
        "gebiedsverboden en cameratoezicht",
        ("Bestuurlijke aanpak en APV",),
        (
            "gebiedsverboden en cameratoezicht in de APV",
            "een gebiedsverbod voor drugsdealers",
            "preventief fouilleren en veiligheidsrisicogebieden",
        ),
        (
            "Hoe de burgemeester met een gebiedsverbod en cameratoezicht dealen op straat "
            "tegengaat.",
            "Over de APV-bepaling voor een gebiedsverbod en de aanwijzing van "
            "veiligheidsrisicogebieden.",
        ),
        (
            "Een gebiedsverbod geldt voor maximaal drie maanden.",
            "Cameratoezicht vraagt een besluit van de burgemeester en een evaluatie.",
            "Preventief fouilleren is alleen mogelijk in een aangewezen gebied.",
            "Overlastgevende dealers worden uit een wijk geweerd.",
        ),
    ),
    S(
        "bestuurlijke-aanpak",
        "de bestuurlijke aanpak van ondermijning",
        ("Bestuurlijke aanpak en APV",),
        (
            "de bestuurlijke aanpak van ondermijning",
            "bestuurlijke instrumenten tegen georganiseerde criminaliteit",
            "de bestuurlijke rapportage van het RIEC",
        ),
        (
            "Welke bestuurlijke instrumenten gemeenten naast het strafrecht hebben tegen "
            "ondermijnende criminaliteit.",
            "Over de bestuurlijke rapportage: hoe het RIEC informatie bundelt zodat de "
            "burgemeester kan ingrijpen.",
        ),
        (
            "Bestuursrecht, strafrecht en fiscaal recht vullen elkaar aan.",
            "De bestuurlijke rapportage onderbouwt een besluit van de burgemeester.",
            "Vergunningen weigeren en panden sluiten zijn bestuurlijke interventies.",
            "De interventiematrix helpt partners om instrumenten te combineren.",
            "De gemeente is regisseur van de bestuurlijke aanpak.",
        ),
        count=8,
    ),
    S(
        "bestuurlijk-afpakken",
        "bestuurlijk afpakken",
        ("Afpakken", "Bestuurlijke aanpak en APV"),
        (
            "bestuurlijk afpakken van crimineel vermogen",
            "invordering en afpakken door gemeenten",
            "afpakken: de patsergedrag-aanpak",
        ),
        (
            "Hoe gemeenten met bestuursrechtelijke middelen crimineel verkregen vermogen "
            "afpakken, zoals invordering van belastingschulden en terugvordering van "
            "uitkeringen.",
            "Over afpakken en patsergedrag: dure auto's, horloges en de boodschap dat "
            "misdaad niet mag lonen.",
        ),
        (
            "De gemeente kan een uitkering terugvorderen als er verborgen vermogen is.",
            "Afpakken laat zien dat misdaad niet loont.",
            "De Belastingdienst en de gemeente delen informatie over vermogen.",
            "Dure auto's van mensen zonder inkomen vallen op.",
            "Het strafrechtelijk afpakken gebeurt door het OM met een ontnemingsvordering.",
        ),
    ),
    S(
        "ondermijningsbeeld",
        "een ondermijningsbeeld",
        ("Weerbare overheid en integriteit",),
        (
            "een ondermijningsbeeld voor de gemeente opstellen",
            "het regionale ondermijningsbeeld",
            "ondermijningsbeeld: zicht op criminele invloed in de gemeente",
        ),
        (
            "Hoe een gemeente met het RIEC een ondermijningsbeeld maakt: bronnen, "
            "werkwijze en het gebruik in het beleid.",
            "Het ondermijningsbeeld brengt in kaart welke vormen van ondermijning in een "
            "gemeente of regio voorkomen.",
        ),
        (
            "Het ondermijningsbeeld combineert gegevens van gemeente, politie en Belastingdienst.",
            "Gesprekken met ambtenaren en ondernemers vullen de cijfers aan.",
            "Het beeld vormt de basis voor het integraal veiligheidsplan.",
            "Het RIEC helpt gemeenten met een vaste methodiek.",
            "De gemeenteraad bespreekt het ondermijningsbeeld in een besloten sessie.",
        ),
    ),
    # --- informatie ---
    S(
        "wgs",
        "de Wet gegevensverwerking door samenwerkingsverbanden",
        ("Informatiedeling en privacy (AVG, Wgs)",),
        (
            "de Wet gegevensverwerking door samenwerkingsverbanden",
            "de Wgs en informatiedeling in het RIEC",
            "gegevens delen onder de Wgs",
        ),
        (
            "Wat de Wgs regelt voor het delen van gegevens tussen partners in "
            "samenwerkingsverbanden zoals het RIEC.",
            "Over de Wet gegevensverwerking door samenwerkingsverbanden: grondslagen, "
            "waarborgen en de rol van de functionaris gegevensbescherming.",
        ),
        (
            "De Wgs geeft een wettelijke grondslag voor gegevensdeling in het RIEC.",
            "Deelnemers leggen vast welke gegevens zij voor welk doel delen.",
            "Betrokkenen hebben recht op inzage, met uitzonderingen.",
            "Een privacy officer toetst de gegevensverwerking.",
            "De Wgs vervangt voor de RIEC's deels het convenant.",
        ),
    ),
    S(
        "informatiedeling-convenant",
        "het RIEC-convenant en de AVG",
        ("Informatiedeling en privacy (AVG, Wgs)",),
        (
            "het RIEC-convenant en de AVG",
            "privacy bij informatiedeling tussen gemeente en politie",
            "informatie delen in het casusoverleg",
        ),
        (
            "Welke regels van de AVG gelden bij het delen van informatie in het "
            "casusoverleg, en wat het RIEC-convenant regelt.",
            "Over privacy en gegevensdeling tussen gemeente, politie en Belastingdienst.",
        ),
        (
            "Het convenant beschrijft doelen en waarborgen van de samenwerking.",
            "De AVG vraagt om een duidelijke grondslag en doelbinding.",
            "Politiegegevens mogen alleen onder voorwaarden worden verstrekt.",
            "Een verwerkingsregister is verplicht.",
        ),
    ),
    S(
        "lft",
        "de Landelijke Fenomeentafels",
        ("Weerbare overheid en integriteit",),
        (
            "de Landelijke Fenomeentafels ondermijning",
            "LFT Vastgoed: de fenomeentafel voor de vastgoedketen",
            "de LFT's: landelijke samenwerking per fenomeen",
        ),
        (
            "Wat de Landelijke Fenomeentafels (LFT's) doen: landelijke kennis per fenomeen "
            "bundelen en knelpunten agenderen.",
            "Over de LFT Vastgoed en de andere fenomeentafels van het LIEC.",
        ),
        (
            "Een fenomeentafel brengt experts van verschillende partners samen.",
            "De LFT Vastgoed heeft een strategisch beeld van de vastgoedketen gemaakt.",
            "Knelpunten in wet- en regelgeving worden gemeld bij de ministeries.",
            "Het LIEC ondersteunt de fenomeentafels.",
        ),
    ),
    # --- geld ---
    S(
        "underground-banking",
        "underground banking",
        ("Underground banking en crypto", "Criminele geldstromen en witwassen"),
        (
            "underground banking en ondergronds bankieren",
            "het hawala-systeem en criminele geldstromen",
            "informeel geldtransport en ondergrondse bankiers",
        ),
        (
            "Hoe ondergronds bankieren werkt: geld verplaatsen zonder banktransacties, via "
            "hawaladars en cash compensatie.",
            "Over underground banking als dienst voor criminele netwerken en hoe "
            "professionals het herkennen.",
        ),
        (
            "Bij hawala gaat geen geld over de grens; tegoeden worden verrekend.",
            "Ondergrondse bankiers werken vaak vanuit een belwinkel of reisbureau.",
            "Het Cash Compensatie Model verrekent contant geld en giraal geld.",
            "Criminele netwerken gebruiken underground banking om drugsgeld te verplaatsen.",
        ),
    ),
    S(
        "contant-geld",
        "contant geld en geldezels",
        ("Criminele geldstromen en witwassen",),
        (
            "contant geld in criminele geldstromen",
            "geldezels en het misbruik van bankrekeningen",
            "witwassen met contant geld",
        ),
        (
            "Hoe criminele geldstromen lopen via contant geld, geldezels en bedrijven met "
            "veel cash.",
            "Over geldezels: jongeren die hun bankpas uitlenen en zo meewerken aan witwassen.",
        ),
        (
            "Criminelen zoeken jongeren die tegen betaling hun bankrekening uitlenen.",
            "Bedrijven met veel contante omzet zijn aantrekkelijk om geld wit te wassen.",
            "Sinds 2024 geldt een grens voor contante betalingen in de handel.",
            "De FIU-Nederland ontvangt meldingen van ongebruikelijke transacties.",
            "Geldezels worden vaak via sociale media geworven.",
        ),
    ),
    S(
        "crypto",
        "cryptovaluta en witwassen",
        ("Underground banking en crypto", "Criminele geldstromen en witwassen"),
        (
            "cryptovaluta en witwassen",
            "crypto in criminele geldstromen",
            "bitcoin, mixers en crypto-ATM's",
        ),
        (
            "Hoe criminelen cryptovaluta gebruiken om geld wit te wassen en te verplaatsen, "
            "en wat toezichthouders kunnen zien.",
            "Over crypto: wallets, mixers en de omwisseling van bitcoin naar contant geld.",
        ),
        (
            "Bitcoin en stablecoins worden gebruikt voor betalingen in de drugshandel.",
            "Mixers maken het spoor van cryptotransacties onduidelijk.",
            "Cryptodienstverleners moeten zich registreren bij De Nederlandsche Bank.",
            "Via een crypto-ATM wordt contant geld omgezet in cryptomunten.",
            "Blockchainanalyse helpt bij het volgen van transacties.",
        ),
    ),
    # --- sectoren ---
    S(
        "vakantieparken",
        "ondermijning op vakantieparken",
        ("Vakantieparken",),
        (
            "ondermijning op vakantieparken",
            "criminaliteit op recreatieparken",
            "vitale vakantieparken en permanente bewoning",
        ),
        (
            "Hoe vakantieparken worden misbruikt voor drugshandel, uitbuiting en witwassen, "
            "en wat gemeenten en parkeigenaren doen.",
            "Over verloederde recreatieparken, permanente bewoning en de aanpak Vitale "
            "Vakantieparken.",
        ),
        (
            "Op verouderde parken wonen arbeidsmigranten en mensen zonder woning.",
            "Integrale controles brengen hennepkwekerijen en illegale bewoning aan het licht.",
            "Criminelen kopen chalets op parken waar weinig toezicht is.",
            "De provincie stimuleert de transformatie van parken.",
            "Parkbeheerders melden signalen bij de gemeente.",
        ),
        count=8,
    ),
    S(
        "jonge-aanwas",
        "jonge aanwas in de drugscriminaliteit",
        ("Jonge aanwas",),
        (
            "jonge aanwas in de drugscriminaliteit",
            "jongeren weerbaar maken tegen criminele werving",
            "preventie van criminele carrières bij jongeren",
        ),
        (
            "Hoe jongeren in de georganiseerde criminaliteit terechtkomen en welke "
            "preventieve aanpak werkt.",
            "Over de werving van jongeren via sociale media en de rol van scholen en jongerenwerk.",
        ),
        (
            "Jongeren worden via Snapchat en Telegram geworven voor klusjes.",
            "Rolmodellen in de wijk laten zien dat er een ander perspectief is.",
            "Scholen, jongerenwerk en politie werken samen in de aanpak.",
            "Het programma Preventie met Gezag richt zich op kwetsbare wijken.",
        ),
    ),
    S(
        "zorgcriminaliteit",
        "zorgcriminaliteit",
        ("Zorgcriminaliteit",),
        (
            "zorgfraude en malafide zorgaanbieders",
            "zorgcriminaliteit en pgb-fraude",
            "ondermijning in de zorg",
        ),
        (
            "Hoe malafide zorgaanbieders zorggeld wegsluizen en welke signalen gemeenten "
            "zien bij Wmo en jeugdzorg.",
            "Over pgb-fraude en criminele zorgbureaus.",
        ),
        (
            "Zorgbureaus declareren zorg die niet is geleverd.",
            "Het Informatieknooppunt Zorgfraude verbindt gemeenten, zorgverzekeraars en "
            "toezichthouders.",
            "Cliënten worden soms geronseld en onder druk gezet.",
            "Gemeenten kunnen een Bibob-toets opnemen in de aanbesteding van zorg.",
        ),
    ),
    S(
        "autobranche",
        "ondermijning in de autobranche",
        ("Autobranche",),
        (
            "malafide autobedrijven",
            "ondermijning in de autohandel",
            "witwassen via autobedrijven en garages",
        ),
        (
            "Hoe autobedrijven worden gebruikt om crimineel geld wit te wassen en voertuigen "
            "om te bouwen.",
            "Signalen bij garages, autohandelaren en verhuurbedrijven.",
        ),
        (
            "Auto's worden contant gekocht en snel doorverkocht.",
            "In garages worden verborgen ruimtes in voertuigen gebouwd.",
            "De RDW en de gemeente controleren autobedrijven samen.",
            "Leaseconstructies verhullen wie de echte eigenaar is.",
        ),
    ),
    S(
        "bedrijventerreinen",
        "weerbare bedrijventerreinen",
        ("Bedrijventerreinen",),
        (
            "weerbare bedrijventerreinen",
            "ondermijning op bedrijventerreinen",
            "het Keurmerk Veilig Ondernemen op bedrijventerreinen",
        ),
        (
            "Hoe gemeenten, ondernemers en parkmanagement bedrijventerreinen weerbaar maken "
            "tegen criminele activiteiten.",
            "Over schouwen, parkmanagement en het Keurmerk Veilig Ondernemen.",
        ),
        (
            "Tijdens een schouw lopen gemeente, politie en brandweer het terrein af.",
            "Parkmanagement houdt bij wie er gevestigd is.",
            "Leegstand op verouderde terreinen trekt criminele huurders aan.",
            "Ondernemers delen signalen in een appgroep met de wijkagent.",
        ),
    ),
    S(
        "weerbare-overheid",
        "een weerbare overheidsorganisatie",
        ("Weerbare overheid en integriteit",),
        (
            "een weerbare overheidsorganisatie",
            "ambtelijke integriteit en het lekken van informatie",
            "insiders bij de gemeente: kwetsbare functies",
        ),
        (
            "Hoe gemeenten hun organisatie weerbaar maken tegen criminele beïnvloeding van "
            "ambtenaren en het lekken van vertrouwelijke informatie.",
            "Over kwetsbare functies, screening en bewustwording binnen de gemeentelijke "
            "organisatie.",
        ),
        (
            "Medewerkers van burgerzaken en vergunningen zijn aantrekkelijk voor criminelen.",
            "Logging van raadplegingen maakt misbruik van systemen zichtbaar.",
            "De weerbaarheidsscan geeft verbeterpunten voor de organisatie.",
            "Een meldpunt integriteit is laagdrempelig voor medewerkers.",
        ),
    ),
    S(
        "facilitators",
        "criminele dienstverleners",
        ("Criminele geldstromen en witwassen",),
        (
            "facilitators van ondermijning: notarissen, advocaten en boekhouders",
            "criminele dienstverleners in de bovenwereld",
            "poortwachters en de Wwft",
        ),
        (
            "Over beroepsgroepen die bewust of onbewust criminelen helpen: notarissen, "
            "advocaten, fiscalisten en boekhouders.",
            "Wat de Wwft van poortwachters vraagt en hoe toezichthouders facilitators aanpakken.",
        ),
        (
            "Zonder hulp van dienstverleners kunnen criminelen hun geld niet investeren.",
            "Poortwachters moeten ongebruikelijke transacties melden onder de Wwft.",
            "Tuchtrecht is een middel tegen notarissen die meewerken.",
            "Trustkantoren helpen soms bij het verhullen van de uiteindelijk belanghebbende.",
        ),
    ),
    S(
        "barbershops",
        "risicobranches in winkelstraten",
        ("Bestuurlijke aanpak en APV",),
        (
            "barbershops, nagelsalons en belwinkels in de winkelstraat",
            "risicobranches in winkelgebieden",
            "ondermijning in de winkelstraat",
        ),
        (
            "Hoe gemeenten zicht krijgen op risicobranches zoals barbershops, nagelsalons en "
            "belwinkels, die soms dienen als dekmantel.",
            "Over leegstand, snel wisselende winkels en witwassen in de winkelstraat.",
        ),
        (
            "Veel nieuwe barbershops in één straat kunnen een signaal zijn.",
            "In nagelsalons is arbeidsuitbuiting aangetroffen.",
            "Een vergunningplicht in de APV geeft de gemeente zicht op de exploitant.",
            "Integrale controles combineren toezicht van gemeente, Belastingdienst en "
            "Arbeidsinspectie.",
        ),
    ),
]


@dataclass(frozen=True)
class Item:
    slug: str
    subject: str
    kind: str
    title: str
    summary: str
    paragraphs: tuple[str, ...]
    visibility: str
    themes: tuple[str, ...]
    date: datetime.date
    audience: str


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def draw_items(seed: int = SEED) -> list[Item]:
    """All synthetic items, the same for the same seed."""
    rng = random.Random(seed)
    items = []
    for subject in SUBJECTS:
        kinds = KINDS[:]
        rng.shuffle(kinds)
        regions = rng.sample(REGIONS, subject.count)
        for number in range(1, subject.count + 1):
            kind = kinds[(number - 1) % len(kinds)]
            phrase = subject.titles[(number - 1) % len(subject.titles)]
            title = TITLE_FORMS[kind].format(t=phrase, T=capitalize(phrase))
            region = regions[number - 1]
            title = f"{region}: {title}" if kind == "nieuws" else f"{title} ({region})"
            summary = subject.summaries[(number - 1) % len(subject.summaries)]
            sentences = rng.sample(
                subject.sentences, rng.randint(3, min(5, len(subject.sentences)))
            )
            paragraphs = [" ".join(sentences[:2]), " ".join(sentences[2:])]
            paragraphs.append(" ".join(rng.sample(FILLER, 2)))
            if rng.random() < 0.3:
                other = rng.choice([s for s in SUBJECTS if s.key != subject.key])
                paragraphs.append(f"Zie ook de kennis over {other.label} in de kennisbank.")
            visibility = "public" if kind == "nieuws" or rng.random() >= 0.4 else "members"
            items.append(
                Item(
                    slug=f"{PREFIX}{subject.key}-{number}",
                    subject=subject.key,
                    kind=kind,
                    title=title,
                    summary=summary,
                    paragraphs=tuple(p for p in paragraphs if p),
                    visibility=visibility,
                    themes=subject.themes,
                    date=datetime.date(2021, 1, 1) + datetime.timedelta(days=rng.randint(0, 1700)),
                    audience=rng.choice(AUDIENCES),
                )
            )
    return items


def add_items(items, log=print) -> int:
    """Insert the items that are missing as live pages (products under the kennisbank,
    news under the news index), tagged with their themes. Return how many were added.
    Search documents are not built here (bulk inserts bypass the page signals)."""
    from django.utils import timezone
    from wagtail.models import Page

    from bench.corpus import insert_pages
    from kennisbank.models import (
        FactsheetPage,
        HandreikingPage,
        KennisbankIndexPage,
        NewsIndexPage,
        NewsPage,
    )
    from kpo.factories import paragraph_body
    from kpo.models import Theme

    kennisbank = KennisbankIndexPage.objects.live().first()
    news_index = NewsIndexPage.objects.live().first()
    if kennisbank is None or news_index is None:
        raise SystemExit("The demo content is missing: run `manage.py kpo_demo` first.")
    themes = dict(Theme.objects.values_list("name", "pk"))
    existing = set(Page.objects.filter(slug__startswith=PREFIX).values_list("slug", flat=True))
    now = timezone.now()
    products, news = [], []
    for item in items:
        if item.slug in existing:
            continue
        common = {
            "title": item.title,
            "draft_title": item.title,
            "slug": item.slug,
            "body": paragraph_body(*item.paragraphs),
            "live": True,
            "has_unpublished_changes": False,
            "first_published_at": now,
            "last_published_at": now,
        }
        if item.kind == "nieuws":
            page = NewsPage(intro=item.summary, date=item.date, **common)
            news.append(page)
        else:
            product = {
                "summary": item.summary,
                "visibility": item.visibility,
                "publication_date": item.date,
                "product_type": item.kind,
                "external_id": item.slug,
                **common,
            }
            if item.kind == "factsheet":
                page = FactsheetPage(**product)
            else:
                page = HandreikingPage(
                    kind=item.kind, audience=item.audience, version="1.0", **product
                )
            products.append(page)
        page.themes_to_set = [themes[name] for name in item.themes]
    if products:
        insert_pages(kennisbank, products)
    if news:
        insert_pages(news_index, news)
    log(f"relevance corpus: {len(products)} products and {len(news)} news items added")
    return len(products) + len(news)
