"""Word lists that keep name matching precise: directory names made only of common words,
places or market institutions ("First National", "China", "Nasdaq") are not matched in prose."""

from __future__ import annotations

# Common English words (and words capitalised at the start of sentences or in headlines). A
# directory name needs at least one word outside this list and PLACE_WORDS to be matched.
COMMON_WORDS = frozenset(
    """
    a about above across after again against all almost alone along already also although always
    among an and another any anyone anything are area around as ask at away back bad be became
    because become been before began behind being below best better between big both bring but
    by call came can case change city clear close come company could country course day days did
    different do does done down during each early east end enough even ever every face fact far
    few find first for four from full further gave general get give go going good got great
    group had half hand hard has have he head help her here high him his home house how however
    i if important in into is it its itself just keep kind knew know large last late later least
    left less let life light like line little long look made make man many may me men might mind
    more most much must my name near need never new next no not nothing now number of off often
    old on once one only open or order other our out over own part people place point possible
    power present public put quite rather real right room run said same saw say second see seem
    set several shall she should show side since small so some something soon state still such
    sure take than that the their them then there these they thing think this those though three
    through time to today together too took top toward turn two under until up upon us use very
    want was way we well went were what when where whether which while who whole why will with
    within without word work world would year years yet you young your
    able access account action active advance advanced advantage agency air alliance alpha
    alternative american analytics applied apex arc archer arrow art asset assets associated
    atlas auto automotive aviation avenue balance bancorp bancshares bank banking banks base basic
    beacon bear bio black block blue board bond bridge bright brands build builders building
    business cable capital care carbon cash cell central century champion chemical chemicals
    choice circle citizens civil clean cloud coast coastal code coffee collective columbia
    commerce commercial common communications community compass computer concept connect
    consolidated construction consumer continental control core corporate cross crown crystal
    current custom daily data deep delta design development diamond digital direct discovery
    diversified dominion dream drive dynamic dynamics eagle earth eco edge education electric
    electronics element elite empire energy engine engineering enterprise enterprises entertainment
    environmental equity evolution exchange express fair family farm federal fidelity finance
    financial fire first fleet flow focus food foods force forest fortune forward foundation
    frontier fuel fund funds fusion future galaxy gas gate gateway gen general genesis global gold
    golden good green grid growth guardian harbor harbour health healthcare heart heritage hill
    holding holdings home horizon hospitality hotel hotels house human hunter ideal image impact
    income independence independent industrial industries industry infrastructure innovation
    innovations insight insurance integrated intelligence interactive international internet
    investment investments investors iron island jet journey key kingdom lab labs lake land
    legacy liberty life lifestyle light lighting line link liquid live living logistics lotus
    machine machines magic main management manufacturing marine maritime market markets master
    materials media medical metal metals micro mid mind mineral minerals mining mobile modern
    momentum money motion motor motors mountain mutual national natural navigator net network
    networks nexus noble nova ocean office oil one online open optical orbit organic origin
    outdoor pacific paper partners patriot peak people performance pharma pharmaceutical
    pharmaceuticals phoenix pilot pioneer planet platform platforms plus point polar power precision
    premier premium prime pro products progress progressive properties property prospect pure
    quality quantum radio rail rainbow range rapid real realty red regional renewable renewables
    research reserve resource resources retail rich ridge river road rock royal safe safety sales
    scientific sea security select semiconductor senior service services share shares shield ship
    signal silver simple sky smart social software solar solid solution solutions sound source
    south southern space spark spectrum spirit sports square standard star state steel stone
    strategic strategy street strong summit sun sunrise superior supply sustainable swift system
    systems tactical target team tech technical technologies technology telecom therapeutics
    titan total tower town trade trading trans transport travel tree trend triple trust trustco
    twin ultra union united unity universal urban usa valley value vanguard venture ventures
    vertical victory vision vista vital water wave way wealth west western white wind wireless
    wood works world worldwide zero
    ceo cfo chief executive officer president chairman director analyst analysts investor
    investors shareholder shareholders economy economic economics earnings revenue revenues
    profit profits quarter quarterly annual results outlook forecast guidance stock stocks
    price prices rate rates inflation interest dollar dollars euro yen yuan week month months
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december news report reports reported says
    sources deal deals talks merger acquisition partnership venture joint electric vehicle
    vehicles ev evs battery batteries car cars truck trucks chip chips phone phones smartphone
    rival rivals peer peers carmaker carmakers automaker automakers chipmaker chipmakers giant
    maker makers firm firms meanwhile including unlike like both while but yes only even shares
    also unit owner parent supplier customer partner partners competitor competitors startup
    ball bill booking brunswick cleveland cooper coherent crane dover edison flex fortis franco
    frontline graham icon integer kirby knight leverage metro northern orange orion parker
    phillips pool popular post prudential rocket spire stride toast viking waters williams
    carnival anglo bristol travelers mosaic snap twitter elastic match lineage enact essent herc
    sixt toro karman lear loar cava grab louisiana carlisle post moog hagerty enpro ensign
    cancom sezzle chagee lowe lowes campbell campbells dillard dillards mcdonald mcdonalds
    government ministry minister president senate congress court law policy trade tariff tariffs
    """.split()
)

# Countries, nationalities, regions and big cities: "China", "Hong Kong", "German".
PLACE_WORDS = frozenset(
    """
    africa african america americas amsterdam argentina asia asian atlanta australia australian
    austria belgium berlin boston brazil brazilian britain british california canada canadian
    chicago chile china chinese colombia dallas delhi denmark detroit dubai dutch egypt england
    europe european finland france frankfurt french geneva german germany greece hong houston
    india indian indonesia ireland israel italian italy japan japanese jersey kong korea korean
    london los angeles madrid malaysia mexico mexican miami milan moscow mumbai munich netherlands
    nevada norway ohio pakistan paris peru philippines poland portugal qatar russia russian san
    saudi seoul shanghai shenzhen singapore spain stockholm sweden swiss switzerland sydney taipei
    taiwan taiwanese texas thailand tokyo toronto turkey uk us usa vancouver vietnam washington
    york zurich north south east west middle asia-pacific atlantic pacific nordic gulf arabia
    """.split()
)

# Name keys that are markets, indexes, regulators or news agencies in a market story.
NOT_COMPANY_NAMES = frozenset(
    """
    nasdaq nyse dow cboe euronext xetra reuters bloomberg ftse nikkei dax stoxx topix kospi
    russell msci lseg ice sec fed ecb imf opec
    """.split()
) | frozenset(
    [
        "hang seng", "s and p", "federal reserve", "wall street", "white house", "european union",
        "united states", "hong kong", "new york", "silicon valley", "supreme court",
        "deutsche boerse", "london stock exchange", "new york stock exchange", "tokyo stock exchange",
        "hong kong exchanges and clearing", "middle east", "north america", "south africa",
        "saudi arabia", "united kingdom", "prime minister", "associated press", "dow jones",
    ]
)
