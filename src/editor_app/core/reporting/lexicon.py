"""The words that signal reporting and responding, written out so an editor can read and extend them.

Two families: *reporting cues* (who reported the claim: outlets, unnamed sources, rumours) and
*response cues* (how a party answered it), each response cue carrying the stance it signals.
The stance names are the claims model's own (`core.claims.Stance`), so a proposal becomes a claim
without translation.
"""

from __future__ import annotations

import re

from editor_app.core.claims import Stance

# -- outlets --------------------------------------------------------------------------------------

# Well-known news organisations. Matching is on whole words; "The" before a name is optional.
OUTLETS = [
    "Financial Times",
    "FT",
    "Wall Street Journal",
    "WSJ",
    "the Journal",
    "New York Times",
    "New York Post",
    "Washington Post",
    "Los Angeles Times",
    "Chicago Tribune",
    "Boston Globe",
    "USA Today",
    "Bloomberg News",
    "Bloomberg",
    "Bloomberg Businessweek",
    "BusinessWeek",
    "Dow Jones Newswires",
    "Dow Jones",
    "Associated Press",
    "AP",
    "Agence France-Presse",
    "AFP",
    "Reuters",
    "CNBC",
    "CNN",
    "CNNMoney",
    "Fox Business",
    "Fox News",
    "BBC",
    "Sky News",
    "NBC",
    "CBS",
    "ABC News",
    "NPR",
    "Politico",
    "Axios",
    "TechCrunch",
    "Recode",
    "The Verge",
    "Wired",
    "Business Insider",
    "Forbes",
    "Fortune",
    "Barron's",
    "MarketWatch",
    "The Economist",
    "The Guardian",
    "Guardian",
    "The Times",
    "Sunday Times",
    "The Telegraph",
    "Daily Telegraph",
    "Sunday Telegraph",
    "Daily Mail",
    "Mail on Sunday",
    "The Independent",
    "Evening Standard",
    "City AM",
    "Sky",
    "Handelsblatt",
    "Der Spiegel",
    "Spiegel",
    "Frankfurter Allgemeine Zeitung",
    "FAZ",
    "Sueddeutsche Zeitung",
    "Süddeutsche Zeitung",
    "Die Welt",
    "Welt am Sonntag",
    "Bild",
    "Manager Magazin",
    "WirtschaftsWoche",
    "Boersen-Zeitung",
    "Les Echos",
    "Le Figaro",
    "Le Monde",
    "La Tribune",
    "Le Parisien",
    "Il Sole 24 Ore",
    "Corriere della Sera",
    "La Repubblica",
    "MF",
    "Milano Finanza",
    "El Pais",
    "El Mundo",
    "Cinco Dias",
    "De Telegraaf",
    "Het Financieele Dagblad",
    "NRC Handelsblad",
    "De Tijd",
    "Le Temps",
    "Neue Zuercher Zeitung",
    "NZZ",
    "Dagens Industri",
    "Svenska Dagbladet",
    "Aftenposten",
    "Kommersant",
    "Vedomosti",
    "Izvestia",
    "RIA Novosti",
    "Interfax",
    "Itar-Tass",
    "TASS",
    "Nikkei",
    "Nikkei Asian Review",
    "Yomiuri",
    "Asahi",
    "Mainichi",
    "Kyodo",
    "Jiji",
    "NHK",
    "Yonhap",
    "Chosun Ilbo",
    "JoongAng Ilbo",
    "Korea Economic Daily",
    "Maeil Business Newspaper",
    "Xinhua",
    "China Daily",
    "Caixin",
    "Global Times",
    "People's Daily",
    "South China Morning Post",
    "SCMP",
    "Hong Kong Economic Journal",
    "Apple Daily",
    "Economic Times",
    "Times of India",
    "Business Standard",
    "Hindustan Times",
    "Press Trust of India",
    "PTI",
    "Straits Times",
    "Australian Financial Review",
    "Sydney Morning Herald",
    "The Australian",
    "Globe and Mail",
    "National Post",
    "Al Jazeera",
    "Al Arabiya",
    "Gulf News",
    "Haaretz",
    "Globes",
    "Valor Economico",
    "Folha de S.Paulo",
    "O Globo",
    "Estado de S. Paulo",
    "TheStreet",
    "Seeking Alpha",
    "Betaville",
    "Dealreporter",
    "Mergermarket",
    "Debtwire",
    "Variety",
    "Deadline",
    "Hollywood Reporter",
    "Automotive News",
    "Aviation Week",
    "Defense News",
    "Lloyd's List",
    "Platts",
]
# Short names the desk uses for the same outlet.
OUTLET_ALIASES = {
    "ft": "financial times",
    "wsj": "wall street journal",
    "the journal": "wall street journal",
    "journal": "wall street journal",
    "nyt": "new york times",
    "ap": "associated press",
    "afp": "agence france-presse",
    "dow jones newswires": "dow jones",
    "bloomberg news": "bloomberg",
    "the post": "post",
    "scmp": "south china morning post",
    "faz": "frankfurter allgemeine zeitung",
    "nzz": "neue zuercher zeitung",
    "pti": "press trust of india",
}


def outlet_key(name: str) -> str:
    """One spelling per outlet: "The WSJ" -> "wall street journal"."""
    key = re.sub(r"['’]s$", "", name.strip().lower()).removeprefix("the ").strip()
    return OUTLET_ALIASES.get(key, key)


_OUTLET_NAMES = sorted(OUTLETS, key=len, reverse=True)
OUTLET_RE = re.compile(
    r"(?<![\w-])(?:(?:the|The)\s+)?(?:" + "|".join(re.escape(o) for o in _OUTLET_NAMES) + r")(?![\w-])(?:'s|’s)?"
)

# Kinds of publication: "the German newspaper X", "X newspaper", "the website X".
MEDIA_NOUNS = (  # "the Yonhap news agency", and the agencies' own "Yonhap News Agency"
    r"(?:[Nn]ews\s+[Aa]gency|News\s+Service|newswire|wire\s+service|newspaper|daily|weekly|paper|magazine|journal|tabloid|"
    r"broadsheet|website|web\s+site|blog|broadcaster|television|TV|channel|radio|news\s+service|"
    r"news\s+site|online\s+edition|news\s+portal|portal|publication|outlet)"
)
# a capitalised name: "De Telegraaf", "National Business Daily", "StartupGrind", "Flightglobal.com"
NAME = r"[A-Z][\w.&'’-]*(?:\s+(?:de|di|del|der|am|of|la|le|el)?\s*[A-Z][\w.&'’-]*){0,4}"
# "Dutch newspaper De Telegraaf", "the website StartupGrind", "Weekly news magazine Spiegel"
MEDIA_BEFORE_NAME = re.compile(
    r"(?:(?:the|a|an)\s+)?(?:[A-Z][\w-]*\s+|(?:local|state|official|financial|business|daily|weekly|news|online|"
    r"industry|trade|business\s+daily)\s+){0,3}" + MEDIA_NOUNS + r"\s+(?P<name>" + NAME + r")"
)
# "the Interfax news agency", "The Times newspaper", "Izvestia newspaper"
MEDIA_AFTER_NAME = re.compile(r"(?:(?:the|The)\s+)?(?P<name>" + NAME + r")\s+" + MEDIA_NOUNS + r"(?![\w-])")

# Mastheads: "The Harbor Times", "Evening Ledger", "Sunday Business Post"
MASTHEAD = re.compile(
    r"(?<![\w-])(?:(?:[Tt]he\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}(?:Times|Journal|Herald|Tribune|Gazette|Courier|Chronicle|"
    r"Daily|Ledger|Zeitung|Ilbo|Shimbun|Nieuws|Post)|(?:[A-Z][\w'’.-]*\s+){1,2}News(?:\s+(?:Agency|Service|Network))?|[Tt]he\s+(?:[A-Z][\w'’.-]*\s+){1,3}(?:News|Observer|Telegraph|"
    r"Standard|Express|Mirror|Record|Star|Sun|Globe|Review|Monitor|Bulletin|Register|Dispatch|Inquirer|Examiner|"
    r"Newswires?|Wire))(?![\w-])"
)

# What outlets and their reports are called once they have been named.
GENERIC_REPORTERS = re.compile(
    r"(?<![\w-])(?:(?:the|The|a|A|an|An|these|These|those|Those|other|Other|some|Some|recent|Recent|previous|"
    r"Previous|earlier|Earlier|several|Several)\s+)?"
    r"(?:(?:media|press|news|newspaper|Internet|internet|online|web|blog|local|foreign|overseas|market|published|"
    r"unconfirmed|television|TV|magazine|German|French|British|Chinese|Japanese|Korean|Indian|Italian|Spanish|"
    r"Russian|U\.S\.|Dutch|Swiss|Swedish|Australian|Canadian|Brazilian)\s+){0,2}"
    r"(?:reports?|stor(?:y|ies)|articles?|paper|newspaper|daily|magazine|agency|website|broadcaster|posting|"
    r"media)(?![\w-])"
)

# -- unnamed sources ------------------------------------------------------------------------------

_SOURCE_NOUN = (
    r"(?:sources?|persons?|people|insiders?|officials?|executives?|bankers?|individuals?|"
    r"someone|analysts?|traders?|dealers?|lawyers?|diplomats?|advisers?|advisors?)"
)
_SOURCE_TAIL = (
    r"(?:familiar\s+with|close\s+to|with\s+(?:direct\s+|first-hand\s+|detailed\s+)?knowledge\s+of|"
    r"knowledgeable\s+about|briefed\s+on|involved\s+in|aware\s+of|who\s+(?:declined|asked|did\s+not\s+want)\s+to\s+be\s+"
    r"(?:named|identified)|who\s+spoke\s+on\s+condition\s+of\s+anonymity|speaking\s+on\s+condition\s+of\s+anonymity|"
    r"at\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)"
)
# "people familiar with the matter", "a source close to the company", "three people with knowledge of the talks"
ANONYMOUS_SOURCES = re.compile(
    r"(?<![\w-])(?:(?:a|an|one|two|three|four|five|several|multiple|many|some|other|another|the|The|A|An|One|Two|"
    r"Three|Four|Five|Several|Multiple|Other|Another|Some|those|Those|these|These)\s+)?"
    r"(?:(?:unnamed|unidentified|anonymous|senior|top|industry|banking|government|company|labor|labour|"
    r"market|diplomatic|political|official|union|party|military|security|financial|European|U\.S\.|"
    r"[A-Z][\w&.-]*)\s+){0,2}"
    + _SOURCE_NOUN
    + r"\s+"
    + _SOURCE_TAIL
    + r"(?:\s+(?:the|a|an|its|their|his|her|this)?\s*(?:[\w'’.&-]+\s+){0,3}?"
    r"(?:matter|situation|talks|deal|negotiations|discussions|plans?|proposal|process|company|bank|group|"
    r"thinking|transaction|bid|offer|sale|merger|investigation|probe|case|board|government|ministry|"
    r"decision|[A-Z][\w&.-]*))?"
)
# "Sources said", "sources told Reuters", "unnamed sources" without a "familiar with" tail
BARE_SOURCES = re.compile(
    r"(?<![\w-])(?:(?:the|The|Several|several|Multiple|multiple|Industry|industry|Banking|banking|Other|other|"
    r"Unnamed|unnamed|Unidentified|unidentified|Anonymous|anonymous|Two|two|Three|three|Market|market|Some|some|"
    r"One|one|A|a|An|an)\s+)?"
    r"(?:(?:unnamed|unidentified|anonymous|industry|banking|market|government|company|labor|labour|union)\s+)?"
    r"(?:[A-Z][\w&.-]*\s+)?(?:[Ss]ources?|[Ii]nsiders?)(?![\w-])"
)
# "another person said", "one person said": a source already introduced
OTHER_PERSON = re.compile(
    r"(?<![\w-])(?:(?:Another|another|The|the|One|one|A second|a second)\s+(?:person|source)|"
    r"(?:These|these|Those|those|The|the)\s+(?:people|persons|sources)|(?:one|One|two|Two)\s+of\s+the\s+(?:people|sources))(?![\w-])"
)

# -- rumours --------------------------------------------------------------------------------------

RUMOUR = re.compile(
    r"(?<![\w-])(?:(?:persistent|recent|renewed|months\s+of|weeks\s+of|days\s+of|widespread|growing|"
    r"continued|false|unfounded|media|press|market|Internet|internet|online|social\s+media)\s+)*"
    r"(?:speculation|rumou?rs?|market\s+talk|talk|reports?)(?![\w-])"
)
# "social media", "Twitter": where a rumour spread
SOCIAL = re.compile(r"(?<![\w-])(?:social\s+media|Twitter|Facebook|Weibo|WhatsApp|online\s+forums?|message\s+boards?)")

# -- reporting verbs ------------------------------------------------------------------------------

REPORT_VERBS = (
    r"(?:(?:also\s+|had\s+|has\s+|have\s+|earlier\s+|previously\s+|first\s+|later\s+|had\s+previously\s+|"
    r"had\s+earlier\s+|on\s+\w+\s+)*"
    r"(?:reported|reports|said|says|say|wrote|writes|quoted|cited|claimed|claims|alleged|alleges|"
    r"told\s+Reuters|have\s+told\s+Reuters|has\s+told\s+Reuters|told\s+the\s+\w+|told\s+[A-Z]\w+|suggested|speculated|"
    r"revealed|added|posted|published|carried|ran|stated|maintains|maintained|broke\s+the\s+news))"
)

# -- responses ------------------------------------------------------------------------------------

# Each entry: (stance, pattern). Earlier entries win when two patterns overlap in one clause.
_DID_NOT_RESPOND = [
    r"could\s+not\s+(?:immediately\s+)?be\s+(?:immediately\s+)?(?:reached|contacted)",
    r"(?:was|were|is|are)\s+not\s+(?:immediately\s+)?(?:be\s+)?reached",
    r"(?:was|were|is|are)\s+(?:not\s+)?(?:immediately\s+)?(?:not\s+)?(?:immediately\s+)?(?:un)?available\s+(?:for|to)\s+(?:comment|respond)",
    r"not\s+(?:immediately\s+)?available\s+(?:for|to)\s+(?:comment|respond)",
    r"unavailable\s+for\s+comment",
    r"did\s+not\s+(?:immediately\s+)?(?:respond|reply|answer|return)",
    r"(?:has|have|had)\s+not\s+(?:yet\s+)?(?:responded|replied|returned|commented)",
    r"failed\s+to\s+(?:respond|return)",
    r"no\s+one\s+(?:was|were|could\s+be)\s+(?:immediately\s+)?(?:available|reached)",
    r"no\s+one\s+(?:answered|picked\s+up)",
    r"not\s+returned\s+(?:calls|messages|e-?mails)",
    r"(?:calls|messages|e-?mails|requests)\s+(?:to|for)\s+.{0,60}?\s+(?:were|was|went)\s+not\s+(?:immediately\s+)?(?:returned|answered)",
]
_DECLINES = [
    r"neither\s+(?:confirm(?:ed|s)?|deny|denied|denies)\s+nor\s+(?:confirm(?:ed|s)?|deny|denied|denies)",
    r"(?:did|does|do|has|have|had|would|will)\s+not\s+(?:immediately\s+)?den(?:y|ied)",
    r"(?:declin|refus)(?:ed|es|ing)\s+to\s+(?:confirm\s+or\s+)?deny",
    r"declin(?:ed|es|ing)\s+(?:to\s+)?(?:comment|to\s+(?:confirm|say|discuss|elaborate|specify|give|provide|"
    r"disclose|identify|name|detail|respond|answer|address|speculate|go\s+into))",
    r"declin(?:ed|es|ing)\s+(?:any\s+|further\s+)?comment",
    r"refus(?:ed|es|ing)\s+to\s+(?:comment|confirm|say|discuss|elaborate|(?:\w+\s+){1,3}comment)",
    r"(?:would|will|could|did)\s+not\s+(?:immediately\s+)?(?:comment|confirm|say|discuss|elaborate|disclose|"
    r"provide|give|specify)",
    r"(?:does|do|did|don't|doesn't|won't|will)\s+(?:not\s+)?(?:comment|speculate)\s+on",
    r"(?:had|has|have|with|offered|gave)\s+no\s+(?:immediate\s+|further\s+)?comment",
    r"no\s+(?:immediate\s+)?comment\s+(?:was|from)",
    r"(?:had|has|have)\s+nothing\s+(?:further\s+|more\s+)?to\s+(?:say|add)",
    r"refus(?:ed|es|ing)\s+to\s+be\s+drawn",
    r"(?:not|never)\s+comment(?:s|ed)?\s+on\s+(?:market\s+)?(?:rumou?rs?|speculation|market)",
    r"\"no\s+comment\"",
]
_DEMANDS_RETRACTION = [r"demand(?:ed|s|ing)\s+(?:a|that\s+\w+)\s+(?:retraction|correction|retract|correct)"]
_RETRACTS = [
    r"retract(?:ed|s|ing)?",
    r"withdr(?:ew|awn|aws)\s+(?:the|its|his|her|their|a)\s+(?:story|report|article|notice|remarks?|comments?|"
    r"statement|claim|allegation|solicitation|posting)",
    r"(?:removed|pulled|took\s+down|deleted|taken\s+down)\s+(?:the|its|a)\s+(?:story|report|article|posting|post|item|notice)",
    r"(?:has|have|had)\s+been\s+(?:removed|pulled|taken\s+down|deleted)\s+from",
    r"(?:story|report|article|posting)\s+(?:was|has\s+been)\s+(?:removed|pulled|withdrawn|deleted)",
    r"apologi[sz](?:ed|es)\s+for",
    r"(?:walked|walks|walking|took|takes|taking)\s+back\s+(?:the|his|her|its|their|those|these)\s+(?:comments?|remarks?|statements?|claims?)",
    r"backtrack(?:ed|s|ing)\s+(?:on|from)",
]
_MISQUOTED = [
    r"misquoted",
    r"mis(?:read|represented|characteri[sz]ed|stated)",
    r"(?:taken|quoted)\s+out\s+of\s+context",
    r"misinterpreted",
    r"misunderstood",
]
_CLARIFIES = [
    r"clarif(?:y|ied|ies|ying)\b",
    r"(?:amend|correct|updat)(?:ed|s|ing)\s+(?:its|the|their|an|a)\s+(?:story|report|article|posting|headline)",
    r"(?:issue|issued|issues|issuing|publish|published|ran|run|posted|post|plans\s+to\s+issue)\s+a\s+[\"“]?clarification",
    r"(?:was|were)\s+(?:only\s+)?meant\s+to",
    r"looking\s+into\s+the\s+(?:situation|matter|report)",
    r"not\s+(?:written|produced|published)\s+by",
]
_PARTIAL = [
    r"partially\s+confirm(?:ed|s)?",
    r"partly\s+confirm(?:ed|s)?",
    r"acknowledg(?:ed|es|ing)\s+(?:that\s+)?(?!(?:and\s+accept(?:s|ed)?\s+)?responsibility)",
    r"confirm(?:ed|s|ing)\s+.{3,120}?\bbut\s+(?:denied|said\s+(?:no|it\s+(?:was|had|has|is)\s+not)|"
    r"dismissed|rejected)",
]
_CONFIRMS = [
    r"confirm(?:ed|s|ing)\s+(?:(?:on|last|earlier|late)\s+\w+\s+)?(?:that|a|the|an|it|its|media|press|[a-z]+ing\b|"
    r"reports?|plans?|talks|the\s+talks|negotiations|discussions|it\s+had|it\s+was|[a-z]+\s+had)",
    r",\s+(?:it|the\s+\w+|\w+)\s+confirm(?:ed|s)\b",
    r"(?:stands?|stood|standing)\s+by\s+(?:its|the|our|his|her|their)\s+(?:story|report|reporting|article|stories)",
    r"(?:acknowledg(?:ed|es)|accept(?:ed|s))\s+(?:and\s+accepts?\s+)?responsibility",
    r"admitted\s+(?:that|to)",
    r"(?:was|is|were|are)\s+(?:correct|accurate)\b",
]
_DENIES = [
    r"den(?:ied|ies|ying|y)\b",
    r"denial",
    r"reject(?:ed|s|ing)\s+(?:the|a|an|media|press|market|reports?|claims?|allegations?|suggestions?|speculation|"
    r"rumou?rs?|talk|stories|articles|Internet|internet|online|"
    r"accusations?|charges?|comments?|remarks?|assertions?|idea|notion|assessment|story|that)",
    r"dismiss(?:ed|es|ing)\s+(?:the|a|an|media|press|market|reports?|claims?|allegations?|suggestions?|"
    r"speculation|rumou?rs?|accusations?|Internet|internet|online|talk|as|that)",
    r"refut(?:ed|es|ing)",
    r"contradict(?:ed|s|ing)\s+(?:a|the|an|media|press|reports?|claims?|statements?|stories|allegations?)\b",
    r"poured\s+cold\s+water",
    r"play(?:ed|s|ing)?\s+down",
    r"downplay(?:ed|s|ing)?",
    r"(?:called|calling|described|describing|branded|branding|termed|labelled|labeled)\s+(?:the\s+|a\s+|it\s+|them\s+|"
    r"those\s+|these\s+)?(?:\w+\s+){0,4}?(?:as\s+)?\"?(?:false|baseless|groundless|untrue|unfounded|inaccurate|"
    r"incorrect|wrong|nonsense|rubbish|speculation|speculative|misleading|ridiculous|absurd|fabricated|"
    r"fiction|a\s+joke|exaggerated|too\s+high|too\s+low|pure\s+invention)",
    r"\b(?:false|baseless|groundless|untrue|unfounded|inaccurate|incorrect|fabricated|without\s+foundation|"
    r"without\s+basis|pure\s+speculation|speculative|nonsense|not\s+true|not\s+correct|not\s+accurate|"
    r"no\s+truth|no\s+basis|no\s+foundation|no\s+substance|not\s+the\s+case)\b",
    r"\bnot\s+(?:in|holding|having|conducting|engaged\s+in|involved\s+in|negotiating|pursuing|considering|planning|"
    r"seeking|looking)\b",
    r"\b(?:no|not\s+any)\s+(?:\w+\s+){0,2}(?:talks|negotiations|discussions|plans?|intention|offer|bid|deal|"
    r"contacts?|approach|agreement|decisions?|projects?)\b",
    r"\bno\s+(?:final\s+)?decisions?\s+(?:has|have|had)\s+been\s+(?:taken|made|reached)",
    r"\b(?:has|have|had)\s+not\s+been\s+(?:informed|told|notified|consulted|approached|contacted)\b",
    r"\bthere\s+(?:has|have|had|was|were|is)\s+(?:been\s+)?no\s+(?:\w+\s+)?(?:breach|talks|negotiations|deal|offer|"
    r"approach|plans?|decision|agreement|contacts?|wrongdoing|evidence|truth|basis|losses|strike|layoffs)\b",
    r"\b(?:not|never)\s+(?:held|had|been\s+in|engaged\s+in|entered(?:\s+into)?|opened)\s+(?:any\s+)?(?:\w+\s+){0,2}"
    r"(?:talks|negotiations|discussions|contacts?)\b",
    r"\bnothing\s+(?:has\s+been|had\s+been|was|is)\s+(?:decided|agreed|finalized|finalised|signed)",
    r"\b(?:not|never)\s+(?:been\s+)?(?:aware|heard|know|knew|received|made|had|provided|participated?|joined|"
    r"planned|considered|discussed|for\s+sale)\b",
    r"\bno\s+(?:knowledge|idea)\b",
    r"\bhad\s+not\s+heard\b",
    r"\b(?:do|does|did)\s+not\s+(?:voluntarily\s+)?(?:provide|participate|plan|intend|know)\b",
    r"\bnever\s+(?:heard|provided|had|been|made|received|participated|said|engaged)\b",
    r"\b(?:was|were|is|are)\s+not\s+(?:true|leaving|for\s+sale|considering|planning|selling|buying)\b",
    r"\b(?:was|is|were|are)\s+[\"“]?(?:[\w-]+\s+){0,2}(?:wrong|mistaken)\b",
    r"\b(?:above\s+board|acted\s+lawfully|complied\s+with\s+(?:all|the)\s+(?:\w+\s+)?(?:laws|rules|regulations))\b",
]


def _compile(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


# Order matters: when a sentence carries several cues, the one listed first names its stance.
RESPONSE_CUES: list[tuple[Stance, re.Pattern[str]]] = [
    (Stance.DID_NOT_RESPOND, _compile(_DID_NOT_RESPOND)),
    (Stance.DENIES, _compile(_DEMANDS_RETRACTION)),
    (Stance.RETRACTS, _compile(_RETRACTS)),
    (Stance.PARTIALLY_CONFIRMS, _compile(_PARTIAL)),
    (Stance.DECLINES_TO_COMMENT, _compile(_DECLINES)),
    (Stance.CLARIFIES, _compile(_MISQUOTED)),
    (Stance.CONFIRMS, _compile(_CONFIRMS)),
    (Stance.DENIES, _compile(_DENIES)),
    (Stance.CLARIFIES, _compile(_CLARIFIES)),
]
# "misquoted" next to a denial ("had no knowledge of talks") is both; the weaker "clarified"
# next to a denial is a denial.
MISQUOTED = _compile(_MISQUOTED)
FALSITY = re.compile(r"\b(?:false|untrue|inaccurate|incorrect|baseless|groundless|unfounded|not\s+true|wrong)\b", re.I)

# Stance words that are about something else: forecasts, results, dates, guidance.
NOT_ABOUT_A_CLAIM = re.compile(
    r"confirm(?:ed|s|ing)\s+(?:its|their|the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:forecast|outlook|guidance|target|"
    r"dividend|rating|results|earnings|schedule|date|appointment|order|payment|commitment|policy|stance|view|"
    r"estimate|plan\s+to\s+(?:pay|invest))|"
    r"deni(?:ed|es)\s+(?:bail|access|entry|permission|a\s+visa|the\s+appeal|the\s+request|the\s+motion|"
    r"the\s+application|credit|coverage|a\s+license|approval)|"
    r"reject(?:ed|s)\s+(?:the\s+)?(?:bid|offer|proposal|appeal|motion|request|application|plan)|"
    r"confirmed\s+(?:as|by\s+the\s+Senate)",
    re.I,
)

# Words that make "the company said ..." speech rather than narrative.
SPEECH_VERBS = re.compile(
    r"(?<![\w-])(?:said|says|say|told|added|stated|wrote|tweeted|noted|insisted|explained|emphasised|emphasized|"
    r"stressed|maintained|asserted|responded|replied|commented|argued|countered|announced)(?![\w-])"
)
