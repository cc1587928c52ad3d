"""Word lists that keep name matching precise: directory names made only of common words,
places or market institutions ("First National", "China", "Nasdaq") are not matched in prose.

The lists are written as text (entries separated by ";") so that this module stays a page of
data rather than a thousand lines of one word each."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(" ".join(w.split()) for w in text.split(";") if w.strip())  # an entry may wrap


# Common English words (and words capitalised at the start of sentences or in headlines). A
# directory name needs at least one word outside this list and PLACE_WORDS to be matched.
COMMON_WORDS = _words(
    """
    a; able; about; above; access; account; acquisition; across; action; active; advance; advanced;
    advantage; after; again; against; agency; air; all; alliance; almost; alone; along; alpha;
    already; also; alternative; although; always; american; among; an; analyst; analysts; analytics;
    and; anglo; annual; another; any; anyone; anything; apex; applied; april; arc; archer; are;
    area; around; arrow; art; as; ask; asset; assets; associated; at; atlas; august; auto;
    automaker; automakers; automotive; avenue; aviation; away; back; bad; balance; ball; bancorp;
    bancshares; bank; banking; banks; base; basic; batteries; battery; be; beacon; bear; became;
    because; become; been; before; began; behind; being; below; best; better; between; big; bill;
    bio; black; block; blue; board; bond; booking; both; brands; bridge; bright; bring; bristol;
    brunswick; build; builders; building; business; but; by; cable; call; came; campbell; campbells;
    can; cancom; capital; car; carbon; care; carlisle; carmaker; carmakers; carnival; cars; case;
    cash; cava; cell; central; century; ceo; cfo; chagee; chairman; champion; change; chemical;
    chemicals; chief; chip; chipmaker; chipmakers; chips; choice; circle; citizens; city; civil;
    clean; clear; cleveland; close; cloud; coast; coastal; code; coffee; coherent; collective;
    columbia; come; commerce; commercial; common; communications; community; company; compass;
    competitor; competitors; computer; concept; congress; connect; consolidated; construction;
    consumer; continental; control; cooper; core; corporate; could; country; course; court; crane;
    cross; crown; crystal; current; custom; customer; daily; data; day; days; deal; deals; december;
    deep; delta; design; development; diamond; did; different; digital; dillard; dillards; direct;
    director; discovery; diversified; do; does; dollar; dollars; dominion; done; dover; down; dream;
    drive; during; dynamic; dynamics; each; eagle; early; earnings; earth; east; eco; economic;
    economics; economy; edge; edison; education; elastic; electric; electronics; element; elite;
    empire; enact; end; energy; engine; engineering; enough; enpro; ensign; enterprise; enterprises;
    entertainment; environmental; equity; essent; euro; ev; even; ever; every; evolution; evs;
    exchange; executive; express; face; fact; fair; family; far; farm; february; federal; few;
    fidelity; finance; financial; find; fire; firm; firms; first; fleet; flex; flow; focus; food;
    foods; for; force; forecast; forest; fortis; fortune; forward; foundation; four; franco; friday;
    from; frontier; frontline; fuel; full; fund; funds; further; fusion; future; galaxy; gas; gate;
    gateway; gave; gen; general; genesis; get; giant; give; global; go; going; gold; golden; good;
    got; government; grab; graham; great; green; grid; group; growth; guardian; guidance; had;
    hagerty; half; hand; harbor; harbour; hard; has; have; he; head; health; healthcare; heart;
    help; her; herc; here; heritage; high; hill; him; his; holding; holdings; home; horizon;
    hospitality; hotel; hotels; house; how; however; human; hunter; i; icon; ideal; if; image;
    impact; important; in; including; income; independence; independent; industrial; industries;
    industry; inflation; infrastructure; innovation; innovations; insight; insurance; integer;
    integrated; intelligence; interactive; interest; international; internet; into; investment;
    investments; investor; investors; iron; is; island; it; its; itself; january; jet; joint;
    journey; july; june; just; karman; keep; key; kind; kingdom; kirby; knew; knight; know; lab;
    labs; lake; land; large; last; late; later; law; lear; least; left; legacy; less; let; leverage;
    liberty; life; lifestyle; light; lighting; like; line; lineage; link; liquid; little; live;
    living; loar; logistics; long; look; lotus; louisiana; lowe; lowes; machine; machines; made;
    magic; main; make; maker; makers; man; management; manufacturing; many; march; marine; maritime;
    market; markets; master; match; materials; may; mcdonald; mcdonalds; me; meanwhile; media;
    medical; men; merger; metal; metals; metro; micro; mid; might; mind; mineral; minerals; mining;
    minister; ministry; mobile; modern; momentum; monday; money; month; months; moog; more; mosaic;
    most; motion; motor; motors; mountain; much; must; mutual; my; name; national; natural;
    navigator; near; need; net; network; networks; never; new; news; next; nexus; no; noble;
    northern; not; nothing; nova; november; now; number; ocean; october; of; off; office; officer;
    often; oil; old; on; once; one; online; only; open; optical; or; orange; orbit; order; organic;
    origin; orion; other; our; out; outdoor; outlook; over; own; owner; pacific; paper; parent;
    parker; part; partner; partners; partnership; patriot; peak; peer; peers; people; performance;
    pharma; pharmaceutical; pharmaceuticals; phillips; phoenix; phone; phones; pilot; pioneer;
    place; planet; platform; platforms; plus; point; polar; policy; pool; popular; possible; post;
    power; precision; premier; premium; present; president; price; prices; prime; pro; products;
    profit; profits; progress; progressive; properties; property; prospect; prudential; public;
    pure; put; quality; quantum; quarter; quarterly; quite; radio; rail; rainbow; range; rapid;
    rate; rates; rather; real; realty; red; regional; renewable; renewables; report; reported;
    reports; research; reserve; resource; resources; results; retail; revenue; revenues; rich;
    ridge; right; rival; rivals; river; road; rock; rocket; room; royal; run; safe; safety; said;
    sales; same; saturday; saw; say; says; scientific; sea; second; security; see; seem; select;
    semiconductor; senate; senior; september; service; services; set; several; sezzle; shall; share;
    shareholder; shareholders; shares; she; shield; ship; should; show; side; signal; silver;
    simple; since; sixt; sky; small; smart; smartphone; snap; so; social; software; solar; solid;
    solution; solutions; some; something; soon; sound; source; sources; south; southern; space;
    spark; spectrum; spire; spirit; sports; square; standard; star; startup; state; steel; still;
    stock; stocks; stone; strategic; strategy; street; stride; strong; such; summit; sun; sunday;
    sunrise; superior; supplier; supply; sure; sustainable; swift; system; systems; tactical; take;
    talks; target; tariff; tariffs; team; tech; technical; technologies; technology; telecom; than;
    that; the; their; them; then; therapeutics; there; these; they; thing; think; this; those;
    though; three; through; thursday; time; titan; to; toast; today; together; too; took; top; toro;
    total; toward; tower; town; trade; trading; trans; transport; travel; travelers; tree; trend;
    triple; truck; trucks; trust; trustco; tuesday; turn; twin; twitter; two; ultra; under; union;
    unit; united; unity; universal; unlike; until; up; upon; urban; us; usa; use; valley; value;
    vanguard; vehicle; vehicles; venture; ventures; vertical; very; victory; viking; vision; vista;
    vital; want; was; water; waters; wave; way; we; wealth; wednesday; week; well; went; were; west;
    western; what; when; where; whether; which; while; white; who; whole; why; will; williams; wind;
    wireless; with; within; without; wood; word; work; works; world; worldwide; would; year; years;
    yen; yes; yet; you; young; your; yuan; zero
    """
)

# Countries, nationalities, regions and big cities: "China", "Hong Kong", "German".
PLACE_WORDS = _words(
    """
    africa; african; america; americas; amsterdam; angeles; arabia; argentina; asia; asia-pacific;
    asian; atlanta; atlantic; australia; australian; austria; belgium; berlin; boston; brazil;
    brazilian; britain; british; california; canada; canadian; chicago; chile; china; chinese;
    colombia; dallas; delhi; denmark; detroit; dubai; dutch; east; egypt; england; europe; european;
    finland; france; frankfurt; french; geneva; german; germany; greece; gulf; hong; houston; india;
    indian; indonesia; ireland; israel; italian; italy; japan; japanese; jersey; kong; korea;
    korean; london; los; madrid; malaysia; mexican; mexico; miami; middle; milan; moscow; mumbai;
    munich; netherlands; nevada; nordic; north; norway; ohio; pacific; pakistan; paris; peru;
    philippines; poland; portugal; qatar; russia; russian; san; saudi; seoul; shanghai; shenzhen;
    singapore; south; spain; stockholm; sweden; swiss; switzerland; sydney; taipei; taiwan;
    taiwanese; texas; thailand; tokyo; toronto; turkey; uk; us; usa; vancouver; vietnam; washington;
    west; york; zurich
    """
)

# Name keys that are markets, indexes, regulators or news agencies in a market story.
NOT_COMPANY_NAMES = _words(
    """
    associated press; bloomberg; cboe; dax; deutsche boerse; dow; dow jones; ecb; euronext; european
    union; fed; federal reserve; ftse; hang seng; hong kong; hong kong exchanges and clearing; ice;
    imf; kospi; london stock exchange; lseg; middle east; msci; nasdaq; new york; new york stock
    exchange; nikkei; north america; nyse; opec; prime minister; reuters; russell; s and p; saudi
    arabia; sec; silicon valley; south africa; stoxx; supreme court; tokyo stock exchange; topix;
    united kingdom; united states; wall street; white house; xetra
    """
)
