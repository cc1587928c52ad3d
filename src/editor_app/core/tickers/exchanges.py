"""Exchange facts the directory and the notations share: MIC, the names the press uses, the
Yahoo/Reuters suffixes, and a tier that ranks a main market over regional venues."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Exchange:
    mic: str
    short: str  # as in "NYSE: F"
    name: str  # readable
    country: str
    yahoo: str = ""  # suffix in "1810.HK" style ("" for US)
    reuters: str = ""  # RIC suffix ("N" for NYSE: "F.N")
    tier: int = 3  # 3 main national market, 2 second market, 1 regional/foreign-order-book, 0 OTC
    aliases: tuple[str, ...] = ()  # prefixes seen in "HKEX: 1810"


_E = Exchange
EXCHANGES: dict[str, Exchange] = {
    e.mic: e
    for e in [
        _E("XNYS", "NYSE", "New York Stock Exchange", "United States", "", "N", 3, ("NYSE", "NYQ")),
        _E(
            "XNAS",
            "Nasdaq",
            "Nasdaq",
            "United States",
            "",
            "O",
            3,
            ("NASDAQ", "NASDAQGS", "NASDAQGM", "NASDAQCM", "NMS", "NGS"),
        ),
        _E(
            "XASE",
            "NYSE American",
            "NYSE American",
            "United States",
            "",
            "A",
            2,
            ("NYSE AMERICAN", "NYSEAMERICAN", "NYSE MKT", "NYSEMKT", "AMEX"),
        ),
        _E("ARCX", "NYSE Arca", "NYSE Arca", "United States", "", "P", 2, ("NYSE ARCA", "NYSEARCA", "ARCA")),
        _E("BATS", "Cboe BZX", "Cboe BZX Exchange", "United States", "", "Z", 2, ("CBOE", "BATS", "CBOE BZX")),
        _E("IEXG", "IEX", "Investors Exchange", "United States", "", "", 2, ("IEX",)),
        _E("OTCM", "OTC", "OTC Markets", "United States", "", "PK", 0, ("OTC", "OTCMKTS", "OTCQX", "OTCQB", "PINK")),
        _E(
            "XHKG",
            "HKEX",
            "Hong Kong Stock Exchange",
            "Hong Kong",
            "HK",
            "HK",
            3,
            ("HKEX", "HKG", "SEHK", "HK", "HKSE"),
        ),
        _E("XSHG", "SSE", "Shanghai Stock Exchange", "China", "SS", "SS", 3, ("SSE", "SHA", "SHANGHAI", "SH")),
        _E("XSHE", "SZSE", "Shenzhen Stock Exchange", "China", "SZ", "SZ", 3, ("SZSE", "SHE", "SHENZHEN", "SZ")),
        _E("XJPX", "TSE", "Tokyo Stock Exchange", "Japan", "T", "T", 3, ("TYO", "TSE", "JPX", "TOKYO")),
        _E("XFKA", "Fukuoka", "Fukuoka Stock Exchange", "Japan", "F", "", 1),
        _E("XSAP", "Sapporo", "Sapporo Securities Exchange", "Japan", "S", "", 1),
        _E("XKRX", "KRX", "Korea Exchange (KOSPI)", "South Korea", "KS", "KS", 3, ("KRX", "KOSPI", "KSE")),
        _E("XKOS", "KOSDAQ", "Korea Exchange (KOSDAQ)", "South Korea", "KQ", "KQ", 2, ("KOSDAQ",)),
        _E("XTAI", "TWSE", "Taiwan Stock Exchange", "Taiwan", "TW", "TW", 3, ("TWSE", "TPE", "TAI", "TWN")),
        _E("ROCO", "TPEx", "Taipei Exchange", "Taiwan", "TWO", "TWO", 2, ("TPEX", "GTSM")),
        _E("XLON", "LSE", "London Stock Exchange", "United Kingdom", "L", "L", 3, ("LSE", "LON", "LONDON")),
        _E("XETR", "Xetra", "Deutsche Börse Xetra", "Germany", "DE", "DE", 3, ("XETRA", "ETR", "FWB", "FRA", "GER")),
        _E("XBER", "Berlin", "Börse Berlin", "Germany", "BE", "BE", 1, ("BER",)),
        _E("XMUN", "Munich", "Börse München", "Germany", "MU", "MU", 1, ("MUN",)),
        _E("XDUS", "Düsseldorf", "Börse Düsseldorf", "Germany", "DU", "D", 1, ("DUS",)),
        _E("XHAM", "Hamburg", "Börse Hamburg", "Germany", "HM", "HA", 1, ("HAM",)),
        _E("XHAN", "Hanover", "Börse Hannover", "Germany", "HA", "HA", 1, ("HAN",)),
        _E("XWBO", "Vienna", "Wiener Börse", "Austria", "VI", "VI", 2, ("VIE", "WBAG")),
        _E("XPAR", "Euronext Paris", "Euronext Paris", "France", "PA", "PA", 3, ("EPA", "EURONEXT PARIS", "PAR")),
        _E(
            "XAMS",
            "Euronext Amsterdam",
            "Euronext Amsterdam",
            "Netherlands",
            "AS",
            "AS",
            3,
            ("AMS", "EURONEXT AMSTERDAM"),
        ),
        _E(
            "XBRU",
            "Euronext Brussels",
            "Euronext Brussels",
            "Belgium",
            "BR",
            "BR",
            3,
            ("EBR", "EURONEXT BRUSSELS", "BRU"),
        ),
        _E("XLIS", "Euronext Lisbon", "Euronext Lisbon", "Portugal", "LS", "LS", 3, ("ELI", "EURONEXT LISBON")),
        _E("XDUB", "Euronext Dublin", "Euronext Dublin", "Ireland", "IR", "I", 3, ("ISE", "EURONEXT DUBLIN")),
        _E("XMIL", "Borsa Italiana", "Borsa Italiana (Milan)", "Italy", "MI", "MI", 3, ("BIT", "MIL", "MILAN")),
        _E("XMAD", "BME", "Bolsa de Madrid", "Spain", "MC", "MC", 3, ("BME", "MCE", "MADRID")),
        _E("XSWX", "SIX", "SIX Swiss Exchange", "Switzerland", "SW", "S", 3, ("SIX", "SWX", "VTX")),
        _E("XSTO", "Nasdaq Stockholm", "Nasdaq Stockholm", "Sweden", "ST", "ST", 3, ("STO", "OMX", "STOCKHOLM")),
        _E("XCSE", "Nasdaq Copenhagen", "Nasdaq Copenhagen", "Denmark", "CO", "CO", 3, ("CPH", "COPENHAGEN")),
        _E("XHEL", "Nasdaq Helsinki", "Nasdaq Helsinki", "Finland", "HE", "HE", 3, ("HEL", "HELSINKI")),
        _E("XICE", "Nasdaq Iceland", "Nasdaq Iceland", "Iceland", "IC", "IC", 3, ("ICE",)),
        _E("XRIS", "Nasdaq Riga", "Nasdaq Riga", "Latvia", "RG", "RG", 3),
        _E("XLIT", "Nasdaq Vilnius", "Nasdaq Vilnius", "Lithuania", "VS", "VL", 3),
        _E("XTAL", "Nasdaq Tallinn", "Nasdaq Tallinn", "Estonia", "TL", "TL", 3),
        _E("XOSL", "Oslo Børs", "Oslo Børs", "Norway", "OL", "OL", 3, ("OSL", "OSE", "OSLO")),
        _E("XPRA", "Prague", "Prague Stock Exchange", "Czech Republic", "PR", "PR", 3),
        _E("XBUD", "Budapest", "Budapest Stock Exchange", "Hungary", "BD", "BU", 3),
        _E("ASEX", "Athens", "Athens Stock Exchange", "Greece", "AT", "AT", 3, ("ATHEX",)),
        _E("XIST", "Borsa Istanbul", "Borsa Istanbul", "Turkey", "IS", "IS", 3, ("BIST", "IST")),
        _E("MISX", "MOEX", "Moscow Exchange", "Russia", "ME", "MM", 3, ("MOEX", "MCX")),
        _E("XTSE", "TSX", "Toronto Stock Exchange", "Canada", "TO", "TO", 3, ("TSX", "TOR")),
        _E("XTSX", "TSXV", "TSX Venture Exchange", "Canada", "V", "V", 2, ("TSXV", "TSX-V", "CVE")),
        _E("XCNQ", "CSE", "Canadian Securities Exchange", "Canada", "CN", "CD", 1, ("CNSX",)),
        _E("NEOE", "Cboe Canada", "Cboe Canada", "Canada", "NE", "NEO", 1, ("NEO",)),
        _E("XMEX", "BMV", "Bolsa Mexicana de Valores", "Mexico", "MX", "MX", 3, ("BMV",)),
        _E("BVMF", "B3", "B3 (São Paulo)", "Brazil", "SA", "SA", 3, ("B3", "BOVESPA", "BVMF")),
        _E("XBUE", "BYMA", "Buenos Aires (BYMA)", "Argentina", "BA", "BA", 3, ("BCBA", "BYMA")),
        _E("XSGO", "Santiago", "Santiago Stock Exchange", "Chile", "SN", "SN", 3, ("BCS",)),
        _E("BVCA", "Caracas", "Caracas Stock Exchange", "Venezuela", "CR", "CR", 3),
        _E("XASX", "ASX", "Australian Securities Exchange", "Australia", "AX", "AX", 3, ("ASX",)),
        _E("XNZE", "NZX", "New Zealand Exchange", "New Zealand", "NZ", "NZ", 3, ("NZX", "NZE")),
        _E("XSES", "SGX", "Singapore Exchange", "Singapore", "SI", "SI", 3, ("SGX",)),
        _E("XKLS", "Bursa Malaysia", "Bursa Malaysia", "Malaysia", "KL", "KL", 3, ("KLSE", "BURSA")),
        _E("XIDX", "IDX", "Indonesia Stock Exchange", "Indonesia", "JK", "JK", 3, ("IDX",)),
        _E("XBKK", "SET", "Stock Exchange of Thailand", "Thailand", "BK", "BK", 3, ("SET",)),
        _E("XNSE", "NSE", "National Stock Exchange of India", "India", "NS", "NS", 3, ("NSE",)),
        _E("XBOM", "BSE", "BSE (Bombay Stock Exchange)", "India", "BO", "BO", 2, ("BSE", "BOM")),
        _E("XCOL", "CSE Colombo", "Colombo Stock Exchange", "Sri Lanka", "CM", "CM", 3),
        _E("XTAE", "TASE", "Tel Aviv Stock Exchange", "Israel", "TA", "TA", 3, ("TASE", "TLV")),
        _E("XJSE", "JSE", "Johannesburg Stock Exchange", "South Africa", "JO", "J", 3, ("JSE",)),
        _E("XCAI", "EGX", "Egyptian Exchange", "Egypt", "CA", "CA", 3, ("EGX",)),
        _E("XSAU", "Tadawul", "Saudi Exchange (Tadawul)", "Saudi Arabia", "SR", "SE", 3, ("TADAWUL",)),
        _E("DSMD", "QSE", "Qatar Stock Exchange", "Qatar", "QA", "QA", 3, ("QSE",)),
        _E("AQXE", "Aquis", "Aquis Exchange", "United Kingdom", "AQ", "", 1),
    ]
}

# Yahoo suffix -> MIC, for rows that lack a MIC and for parsing "1810.HK".
YAHOO_SUFFIX: dict[str, str] = {e.yahoo: e.mic for e in EXCHANGES.values() if e.yahoo}
YAHOO_SUFFIX.update({"IL": "XLON", "VX": "XSWX", "NS": "XNSE", "KS": "XKRX"})
REUTERS_SUFFIX: dict[str, str] = {}
for _e in sorted(EXCHANGES.values(), key=lambda e: -e.tier):
    if _e.reuters:
        REUTERS_SUFFIX.setdefault(_e.reuters, _e.mic)
REUTERS_SUFFIX.update({"OQ": "XNAS", "K": "XNYS", "F": "XETR"})

# "HKEX" -> XHKG etc., upper-case keys.
PREFIX_TO_MIC: dict[str, str] = {}
for _e in EXCHANGES.values():
    for _alias in (_e.short.upper(), *_e.aliases, _e.mic):
        PREFIX_TO_MIC.setdefault(_alias.upper(), _e.mic)
PREFIX_TO_MIC.update({"NYSE": "XNYS", "TSE": "XJPX", "FRA": "XETR", "HK": "XHKG"})

# Home markets per issuer country, beyond each exchange's own country (Chinese companies list in
# Hong Kong; Cayman/Bermuda holding companies usually trade in Hong Kong or New York).
EXTRA_HOME: dict[str, tuple[str, ...]] = {
    "China": ("XHKG",),
    "Hong Kong": ("XHKG",),
    "Cayman Islands": ("XHKG", "XNYS", "XNAS"),
    "Bermuda": ("XHKG", "XNYS", "XNAS", "XLON"),
    "Jersey": ("XLON",),
    "Guernsey": ("XLON",),
    "Isle of Man": ("XLON",),
    "British Virgin Islands": ("XNYS", "XNAS", "XLON"),
    "Luxembourg": ("XAMS", "XPAR", "XNYS"),
    "Macau": ("XHKG",),
    "Monaco": ("XPAR",),
}

US_MICS = frozenset({"XNYS", "XNAS", "XASE", "ARCX", "BATS", "IEXG", "OTCM"})


def exchange(mic: str) -> Exchange:
    """The exchange for a MIC; unknown MICs get a plain placeholder rather than an error."""
    return EXCHANGES.get(mic) or Exchange(mic, mic, mic, "", "", "", 1)
