/*
 * ner_words.c - the recogniser's word lists, and the table that answers them.
 *
 * Grammar, not knowledge: the words that say what kind of thing a capitalised name next
 * to them is ("X said", "shares in X", "the film X", "X United"), so they belong to the
 * recogniser and not to the lexicon (which a user may replace or extend). Each list is a
 * NULL-terminated table with a comment saying which general pattern it captures and who
 * asks it.
 *
 * Input: nothing. Output: the lists, and ag__ner_grammar_init, which puts the lists that
 * the stages ask of tokens (G_* in ner_stage_internal.h) into one hash table per scratch,
 * so tok_in answers all of them with one lookup per token.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/ner_stage_internal.h"

/* ---------------------------------------------------------------- lists asked of tokens
 * through tok_in (ner_spans.c, ner_evidence.c) */

/* Verbs of saying after a name: person (or organisation) cue. */
static const char *const say_verbs[] = {"said",     "says",    "told",      "added", "stated",
                                        "noted",    "asked",   "warned",    "wrote", "tweeted",
                                        "insisted", "claimed", "explained", NULL};
/* Common nouns after a name that make it an organisation or a place: what it is
 * ("Interfax news agency"), what a company has ("Microsoft shares", "Sony profits"), who
 * works for or plays in it ("Arsenal striker", "Labour MPs", "Blur frontman"). Words that
 * also follow a person's surname ("Bush administration", "Kerry supporters", "Blair aide")
 * are left out: a surname alone must not become an organisation. */
static const char *const org_nouns[] = {"agency",       "newspaper",
                                        "daily",        "weekly",
                                        "company",      "firm",
                                        "group",        "party",
                                        "club",         "team",
                                        "bank",         "airline",
                                        "network",      "channel",
                                        "magazine",     "shares",
                                        "stock",        "shareholders",
                                        "profits",      "profit",
                                        "revenues",     "revenue",
                                        "earnings",     "subsidiary",
                                        "executives",   "employee",
                                        "employees",    "workers",
                                        "customers",    "boss",
                                        "bosses",       "chairman",
                                        "chairwoman",   "board",
                                        "MP",           "MPs",
                                        "MEP",          "MEPs",
                                        "manifesto",    "backbenchers",
                                        "councillors",  "striker",
                                        "strikers",     "midfielder",
                                        "defender",     "goalkeeper",
                                        "winger",       "squad",
                                        "fans",         "frontman",
                                        "guitarist",    "drummer",
                                        "bassist",      "vocalist",
                                        "plant",        "factory",
                                        "headquarters", NULL};
/* Nouns right before a name that say it is an organisation: "software maker Microsoft",
 * "Premiership side Fulham", "rock band Blur", "broadcaster ITV". */
static const char *const org_before[] = {
    "maker", "makers", "manufacturer", "firm", "company", "giant", "group", "rival", "retailer",
    "carrier", "airline", "bank", "lender", "insurer", "broadcaster", "newspaper", "network",
    "chain", "operator", "provider", "publisher", "studio", "label", "conglomerate", "club", "side",
    "champions", "band", "party", "supermarket", "brewer", "producer", "developer", "outfit",
    "exchange", "agency", "daily", "regulator", "watchdog", "stockbroker", "broker", "market",
    "bourse", "carmaker", "chipmaker", "drugmaker", "automaker", "distributor", "miner", "streamer",
    "utility", "house", "journal", "magazine", "weekly", "tabloid", "consultancy", "arm", "unit",
    "subsidiary", "affiliate", "business",
    /* firms named by the works they run: "X, a Swedish shipyard", "X is a family brewery" */
    "shipyard", "shipbuilder", "foundry", "brewery", "distillery", "refinery", "steelmaker",
    "housebuilder",
    /* bodies of members and causes: "the farmers' union X", "the charity X", "the rebel
     * movement X" */
    "union", "charity", "movement", "alliance", "federation", "association", "organisation",
    "organization", "coalition", "militia",
    /* plurals head a list of them: "the cable operators NTL and Telewest" */
    "firms", "companies", "manufacturers", "retailers", "carriers", "airlines", "banks", "lenders",
    "insurers", "broadcasters", "networks", "operators", "providers", "publishers", "studios",
    "labels", "clubs", "parties", "brewers", "producers", "developers", "carmakers", "chipmakers",
    "drugmakers", "automakers", "distributors", "supermarkets", "regulators", NULL};
/* Before "in" or "of": "shares in Sony", "a stake in Airbus", "chief executive of BP", "head
 * of Aer Lingus", "the
 * enterprise division of Hewlett-Packard"; also as the first word of a sentence, where
 * market reports start: "Shares in Calder jumped". */
static const char *const stake_nouns[] = {
    "shares",       "stake",       "stakes",   "holding",   "holdings",     "executive",
    "chairman",     "boss",        "owner",    "founder",   "takeover",     "subsidiary",
    "shareholders", "acquisition", "division", "divisions", "unit",         "units",
    "arm",          "head",        "Shares",   "Stakes",    "Shareholders", NULL};
/* Last words of names that are events, competitions, prizes, laws, bills and treaties,
 * not actors: "World Cup", "US Open", "Brit Awards", "Patriot Act", "Identity Cards
 * Bill" (a law before it passes; not "Bills", a team), "Kyoto Protocol"; and the
 * statistics named like them, indices and averages ("Hang Seng Index", "Dow Jones
 * Industrial Average", "Consumer Price Index"). */
const char *const ag__ner_misc_heads[] = {
    "Cup",         "Open",        "Championship", "Championships", "Games",     "Olympics",
    "Paralympics", "Trophy",      "Prix",         "Award",         "Awards",    "Prize",
    "Prizes",      "Festival",    "Tournament",   "Marathon",      "Classic",   "Expo",
    "Summit",      "Series",      "Bowl",         "Act",           "Treaty",    "Accord",
    "Accords",     "Protocol",    "Olympiad",     "Grammys",       "Oscars",    "Emmys",
    "Baftas",      "Show",        "Slam",         "Revolution",    "War",       "Edition",
    "Crisis",      "Medal",       "Medals",       "Tour",          "Chart",     "Charts",
    "Masters",     "Telescope",   "Globes",       "Contest",       "Ceremony",  "Crash",
    "Depression",  "Recession",   "Rally",        "Uprising",      "Rebellion", "Massacre",
    "Famine",      "Premiership", "Index",        "Average",       "Test",      "Bill",
    NULL};
/* Nouns before or after a name that make it a work or a product: "the film Troy", "their
 * album X", "the Xbox console", "the Firefox browser", "the Linux kernel", "the Mydoom
 * worm". Nouns a company name
 * also stands before ("Sony games", "Intel chips", "Nokia phones") are left out. */
static const char *const misc_nouns[] = {
    "album",    "albums",    "film",        "films",      "movie",       "movies",    "single",
    "song",     "novel",     "musical",     "sitcom",     "documentary", "console",   "consoles",
    "browser",  "handheld",  "blockbuster", "soundtrack", "memoir",      "opera",     "kernel",
    "book",     "books",     "poem",        "painting",   "series",      "drama",     "comedy",
    "thriller", "soap",      "cartoon",     "biopic",     "sequel",      "prequel",   "remake",
    "sedan",    "hatchback", "minivan",     "coupe",      "standard",    "format",    "codec",
    "protocol", "crude",     "worm",        "virus",      "compilation", "anthology", NULL};
/* Words a title in title case capitalises and a body's name does not: "Lonely No More",
 * "(Is This The Way To) Amarillo", "Napster To Go" (not the prepositions and articles of
 * "Doctors Without Borders", "Bank Of America", nor "Her Majesty's"). */
const char *const ag__ner_title_markers[] = {"To",  "Is",  "Are", "Was",  "Were", "Be",   "Me",
                                             "You", "We",  "It",  "My",   "Your", "This", "That",
                                             "No",  "Not", "Do",  "Does", "Did",  NULL};
/* Kinds of product after a name a company owns ("its QuickTime player", "its X media
 * player", "its FairPlay copy protection", "its X search engine"): a body's parts are
 * named with their kind too, but a unit, a division or an arm (G_STAKE), never these. */
const char *const ag__ner_product_kinds[] = {
    "player",  "players",  "software", "service", "engine", "protection", "device", "devices",
    "handset", "handsets", "chip",     "chips",   "phone",  "phones",     NULL};
/* Last words of multi-word places: "Wall Street", "Tiananmen Square", "Gaza Strip"; also
 * sports grounds ("Adelaide Oval", "Ascot Racecourse"). */
static const char *const place_heads[] = {
    "Street",    "Square",   "Avenue",      "Road",       "Bridge",      "Strip",     "Prison",
    "Stadium",   "Oval",     "Arena",       "Racecourse", "Speedway",    "Velodrome", "Mountains",
    "Hills",     "Valley",   "River",       "Lake",       "Island",      "Islands",   "Gulf",
    "Bay",       "Strait",   "Sea",         "Ocean",      "Desert",      "Peninsula", "Coast",
    "Airport",   "Province", "Region",      "Wharf",      "Quay",        "Harbour",   "Pier",
    "Palace",    "Castle",   "Gardens",     "Park",       "City",        "Dam",       "Canal",
    "Reservoir", "Falls",    "Glacier",     "Forest",     "Cemetery",    "Cathedral", "Shoal",
    "Reef",      "Atoll",    "Archipelago", "Straits",    "Heights",     "Plateau",   "Basin",
    "County",    "District", "Prefecture",  "Oblast",     "Governorate", "Canton",    NULL};
/* Last words of institutions named after a person, often with the person's title:
 * "Queen Elizabeth Hospital", "King Saud University". Asked by ner_spans.c (real_title). */
const char *const ag__ner_institution_heads[] = {"Hospital", "Infirmary", "University", "College",
                                                 "School",   "Academy",   NULL};
/* Common nouns after a name that make it a place: "Kunar province", "Tigris river"; and
 * before "of" it: "the resort of Sharm el-Sheikh". */
static const char *const place_nouns[] = {
    "province",     "region",  "district", "city",       "county",       "village",
    "town",         "river",   "valley",   "island",     "airport",      "border",
    "area",         "capital", "resort",   "port",       "suburb",       "enclave",
    "municipality", "borough", "parish",   "prefecture", "constituency", NULL};
/* Sports club naming: a place with one of these after it ("Bristol City", "Notts County")
 * or before it ("Real Madrid", "Dynamo Moscow") is a club, hence an organisation. */
const char *const ag__ner_team_after[] = {
    "United",    "City",       "Rovers",  "Wanderers", "Athletic", "Albion", "Orient", "Rangers",
    "County",    "Town",       "Thistle", "Hotspur",   "FC",       "Sox",    "Villa",  "Argyle",
    "Alexandra", "Academical", "Stanley", "Harriers",  "Utd",      NULL};
/* Clipped club words that close no other kind of name: "Man Utd", "Sheff Utd" are clubs
 * whatever the clipped town before them; "United" is left to the town rule, since it also
 * closes names that are no club's. Asked by ner_evidence.c (vote_own_words). */
const char *const ag__ner_club_clipped[] = {"Utd", NULL};
/* (and the words before a place that make it a club) */
static const char *const team_before[] = {
    "Real",     "Dynamo",    "Dinamo", "Spartak", "Lokomotiv", "Sporting", "Olympique", "Racing",
    "Atletico", "Deportivo", "CSKA",   "FC",      "AC",        "Inter",    NULL};
/* Prepositions of place before a name. */
static const char *const loc_preps[] = {"in",     "at",  "near",    "outside", "across", "inside",
                                        "around", "via", "towards", "toward",  NULL};
/* Before a capital, these keep it a location (never a government). */
static const char *const loc_keep[] = {
    "in",      "at",       "from",   "to",      "into",    "near", "via",     "outside",
    "inside",  "across",   "around", "through", "leaving", "left", "reached", "visit",
    "visited", "visiting", "toward", "towards", "of",      NULL};
/* Before a capital, these make it a government ("contacts with Washington"). */
static const char *const gov_before[] = {"with",    "between", "assured", "urged", "told", "asked",
                                         "accused", "pressed", "warned",  "by",    "and",  NULL};
/* After a capital, these make it a government ("Islamabad assured"). */
static const char *const gov_after[] = {
    "said",       "says",      "has",        "have",      "had",      "is",        "was",
    "will",       "would",     "wants",      "wanted",    "must",     "should",    "could",
    "can",        "agreed",    "assured",    "accused",   "alleged",  "allowed",   "urged",
    "asked",      "insisted",  "rejected",   "denied",    "resumed",  "announced", "expressed",
    "welcomed",   "warned",    "demanded",   "called",    "told",     "refused",   "believes",
    "hopes",      "accuses",   "insists",    "remained",  "remains",  "condemned", "criticised",
    "criticized", "dismissed", "threatened", "vowed",     "pledged",  "promised",  "protested",
    "objected",   "responded", "reacted",    "confirmed", "declined", "recalled",  "opposed",
    "backed",     "signalled", "signaled",   NULL};
/* (Company suffixes whose period belongs to the name, "First Albany Corp.", are the
 * lexicon's legal forms marked AG__LEX_FORM_SUFFIX: G_CORP_SFX.) */

/* ---------------------------------------------------------------- lists asked by one
 * helper each */

/* Honorifics: a word that only ever stands before a person's name, so a name after it is
 * a person's even when the rest looks like ordinary words ("Mr Straw", "Dame Judi").
 * Asked by ner_spans.c (is_honorific). */
const char *const ag__ner_honorifics[] = {"Mr",   "Mrs", "Ms",   "Dr", "Mr.", "Mrs.", "Ms.", "Dr.",
                                          "Miss", "Sir", "Dame", "MR", "MRS", "MS",   NULL};
/* Trades of ideas (singular; the plural is asked without its "s"), which a capitalised
 * ordinary word before them qualifies by the views it names ("Liberal economist X",
 * "Conservative historian X"), no party. Asked by ner_spans.c (views_word). */
const char *const ag__ner_thinkers[] = {"economist",    "historian",   "commentator", "columnist",
                                        "thinker",      "philosopher", "scholar",     "academic",
                                        "intellectual", "critic",      "theorist",    "pundit",
                                        "writer",       "theologian",  "essayist",    NULL};
/* Titles whose "of" names a see or a peer's seat: part of the title, no actor ("the
 * Bishop of Kendal", "Lord Patel of Bradford", "Baroness Hale of Richmond"). Asked by
 * ner_spans.c (seat_title). */
const char *const ag__ner_seat_titles[] = {"Bishop", "Archbishop", "Lord",     "Baroness",
                                           "Baron",  "Lady",       "Viscount", NULL};
/* Endings of company names ("Microsystems", "PeopleSoft", "RealNetworks", "Infotech"),
 * compared case-insensitively with a name's last word. Asked by ner_evidence.c
 * (company_shape). */
#define END(w)                                                                                     \
    {                                                                                              \
        w, sizeof w - 1                                                                            \
    }
const ag__ner_ending ag__ner_company_ends[] = {END("systems"), END("soft"), END("works"),
                                               END("ware"),    END("tech"), END("tronics"),
                                               END("corp"),    END("com"),  {NULL, 0}};
#undef END
/* Prepositions of place or movement before a mention ("in Newcastle", "to Leeds"): the
 * place is where something happens, not a club playing. Asked by ner_resolve.c
 * (after_loc_prep), on the text, as the tokens are gone by then. */
const char *const ag__ner_place_preps[] = {"in",      "at",     "near",   "from", "to",  "into",
                                           "outside", "around", "across", "of",   "via", NULL};

/* Participles (and "class", "style") after a hyphen that make "X-word" a modifier, not a
 * mention of X by name ("a Boston-based firm", "the US-led coalition", "a Nimitz-class
 * carrier", "Soviet-style planning", "a France-registered company", "a Panama-flagged
 * tanker"): reported like an adjective. Asked by
 * ner_spans.c (hyphen_modifier). */
const char *const ag__ner_hyphen_modifiers[] = {
    "based",   "led",           "backed", "born",       "bred",      "owned",    "run",
    "made",    "funded",        "listed", "controlled", "sponsored", "brokered", "registered",
    "flagged", "headquartered", "class",  "style",      NULL};

/* The modifiers among those that say where a thing is, not who acts: "the Dublin-based
 * carrier said" is no government of Ireland ("Moscow-backed rebels" may be Russia's).
 * Asked by ner_spans.c (finish_cands). */
const char *const ag__ner_located_modifiers[] = {
    "based", "born", "bred", "made", "listed", "registered", "flagged", "headquartered", NULL};
/* ... and those that say who acts: what a capital backs or leads, its government does
 * ("Moscow-backed officials", "Washington-brokered talks"). Asked by ner_spans.c. */
const char *const ag__ner_acting_modifiers[] = {"backed",    "led",    "brokered",
                                                "sponsored", "funded", NULL};

/* A wire headline's desk label before its dash, no name (lower case, matched in any
 * case): a sport's ("SOCCER - ...", "MOTOR RACING - ...") or a market desk's ("FOREX -
 * ...", "MONEY MARKETS - ...", "UPDATE - ..."), and the second words of the labels of
 * two. Not "RUGBY UNION", "RUGBY LEAGUE": the codes' names are their bodies' too. Asked
 * by ner_spans.c (desk_label). */
const char *const ag__ner_desk_labels[] = {
    "soccer",     "football", "baseball",  "basketball", "tennis",   "golf",    "cricket",
    "rugby",      "cycling",  "athletics", "boxing",     "hockey",   "skiing",  "swimming",
    "motor",      "ice",      "horse",     "rowing",     "sailing",  "snooker", "badminton",
    "volleyball", "handball", "judo",      "forex",      "bonds",    "stocks",  "equities",
    "metals",     "grains",   "softs",     "money",      "emerging", "press",   "update",
    "corrected",  "refile",   "wrapup",    "interview",  "analysis", "preview", "factbox",
    NULL};
const char *const ag__ner_desk_seconds[] = {"racing", "hockey", "markets", "digest", NULL};

/* Last words of a party's (or a movement's) name whose members are named in the plural
 * of the word before ("Social Democrats" of the "Social Democratic Party", "Christian
 * Democrats" of the "Christian Democratic Union"). Lower case. Asked by ner_resolve.c. */
const char *const ag__ner_party_heads[] = {"party",  "union",    "alliance", "front",     "league",
                                           "appeal", "movement", "congress", "coalition", NULL};

/* Capitals that, acting as a government, stand for the international body seated there
 * rather than for their country, as news writes them: "Brussels has told Warsaw to cut
 * farm subsidies" is the European Union, not Belgium. Pairs of capital and body, as the
 * lexicon names them. Asked by ner_resolve.c (ag__ner_metonymy). */
const char *const ag__ner_seats[] = {"Brussels", "European Union", NULL};

/* Words after a capital's possessive that make it the city's market, not its
 * government: "Tokyo's Nikkei average" (an index is a word never a name), "Tokyo's stock
 * market". Asked by ner_spans.c (finish_cands). */
const char *const ag__ner_market_words[] = {
    "stock", "stocks",  "share",     "shares", "market",   "markets", "bourse",
    "index", "indices", "benchmark", "main",   "exchange", "trading", NULL};

/* Words after a capital's possessive (or after it and one modifier) that make it the
 * city, not its government: its people, its services and its places ("Paris's mayor",
 * "Madrid's residents", "Moscow's metro", "Baghdad's eastern suburbs"; "Beijing's
 * decision" is China's). Asked by ner_spans.c (finish_cands). */
const char *const ag__ner_city_words[] = {
    "mayor",       "mayoral",        "residents", "inhabitants", "citizens",  "streets",
    "metro",       "underground",    "subway",    "tube",        "trams",     "buses",
    "transport",   "traffic",        "police",    "airport",     "airports",  "council",
    "councillors", "population",     "suburbs",   "suburb",      "outskirts", "centre",
    "center",      "skyline",        "hospitals", "hospital",    "schools",   "museums",
    "museum",      "theatres",       "hotels",    "restaurants", "nightlife", "zoo",
    "port",        "docks",          "harbour",   "river",       "stadium",   "marathon",
    "districts",   "neighbourhoods", "slums",     "homeless",    "mosques",   "churches",
    "cathedral",   "pollution",      "smog",      NULL};

/* Verbs of winning a match: in "Leicestershire beat Somerset" both names are sides.
 * Asked by ner_spans.c (finish_cands). */
const char *const ag__ner_win_verbs[] = {"beat",   "beats",    "defeated",  "thrashed",  "edged",
                                         "routed", "trounced", "overcame",  "outplayed", "whipped",
                                         "downed", "beating",  "defeating", NULL};

/* Verbs of a result that a side is the subject of, with no object: "Atlanta rallied",
 * "Boston swept". Asked by ner_evidence.c (ag__ner_city_team). */
const char *const ag__ner_result_verbs[] = {"rallied", "rallies",   "swept",      "sweeps",
                                            "blanked", "clinched",  "outscored",  "outlasted",
                                            "routed",  "outplayed", "outclassed", NULL};
/* Who plays for, coaches or follows a side, after a city that is its team: "Liverpool
 * manager", "Atlanta left-hander", "Boston fans". Not "mayor", "police", "council". */
const char *const ag__ner_team_roles[] = {
    "manager", "coach", "captain", "boss", "skipper", "striker", "midfielder", "defender",
    "goalkeeper", "winger", "pitcher", "quarterback", "shortstop", "outfielder", "infielder",
    "linebacker", "left-hander", "right-hander", "lefthander", "righthander", "fans", "fan",
    "uniform",
    /* (the positions of rugby, cricket, hockey and baseball: "Leicester flanker Neil
     * Back", "Yorkshire paceman X") */
    "flanker", "fly-half", "scrum-half", "hooker", "prop", "lock", "full-back", "fullback",
    "centre-back", "centre-half", "batsman", "bowler", "paceman", "spinner", "seamer",
    "all-rounder", "wicketkeeper", "keeper", "goalie", "goaltender", "defenceman", "defenseman",
    "catcher", "reliever", "teammate", "team-mate", "squad", NULL};
/* Verbs before a side's score or record: "Houston lost 6-2", "Miami is 5-2", "Seattle
 * improved to 40-38". */
const char *const ag__ner_score_verbs[] = {"won",  "lost", "wins", "loses",    "tied",  "drew",
                                           "fell", "is",   "was",  "improved", "moved", NULL};
/* Vehicle nouns before a name ("the rocket X"), words before a vehicle's name ("aboard
 * the X"), and the verbs and nouns of "runs on X", "ported to X", "a version of X", "the
 * maker of X": the name is a vehicle or a product. Asked by ner_evidence.c (product_before). */
const char *const ag__ner_vehicles[] = {"rocket",  "rocketplane", "spacecraft", "spaceship",
                                        "shuttle", "probe",       "satellite",  "ship",
                                        "yacht",   "submarine",   "frigate",    NULL};
const char *const ag__ner_aboard[] = {"aboard", "onboard", NULL};
const char *const ag__ner_runs[] = {"run", "runs", "running", "ran", NULL};
const char *const ag__ner_ports[] = {"port", "ported", "porting", NULL};
const char *const ag__ner_versions[] = {"version",      "versions",      "edition",
                                        "editions",     "maker",         "makers",
                                        "manufacturer", "manufacturers", NULL};
/* Verbs of a share price's move, before the size of the move: "Xstrata fell 3.1%",
 * "Kelvane rose 3p to 268p". Asked by ner_evidence.c (share_move). */
const char *const ag__ner_price_moves[] = {
    "rose",    "fell",    "gained",    "lost",     "slipped", "dropped", "jumped",
    "slumped", "climbed", "added",     "shed",     "eased",   "edged",   "soared",
    "tumbled", "plunged", "advanced",  "declined", "surged",  "dipped",  "firmed",
    "sank",    "rallied", "plummeted", NULL};
/* Losing to a side: "lost to Atlanta", "a defeat to Leeds" (no score needed: prices
 * "fell to" a level, so "fell" is not one). */
const char *const ag__ner_lost_to[] = {"lost",   "loss",    "losses", "losing",
                                       "defeat", "defeats", NULL};
/* Before "for" and a side in a sports report: a player's play, transfer or tally for
 * his club ("signed for X", "took five wickets for X", "scored 20 points for X"). */
const char *const ag__ner_plays_for[] = {
    "signed", "signs",  "sign",        "signing", "played",  "plays",     "play",    "playing",
    "scored", "scores", "scoring",     "goals",   "tries",   "points",    "wickets", "runs",
    "debut",  "debuts", "appearances", "caps",    "century", "centuries", "hundred", "drives",
    "drove",  "driven", "driving",     "rides",   "rode",    "riding",    NULL};
/* A finishing place before "for" and the team a driver or rider finished it for ("third
 * for Ferrari", "Schumacher eighth for X"). */
const char *const ag__ner_places_for[] = {
    "first",     "second",    "third",       "fourth",     "fifth",      "sixth",      "seventh",
    "eighth",    "ninth",     "tenth",       "eleventh",   "twelfth",    "thirteenth", "fourteenth",
    "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",  NULL};
/* A side's outcome after its possessive: "Boston's ninth straight win". */
const char *const ag__ner_outcomes[] = {"win",    "wins",   "victory", "victories", "loss",
                                        "losses", "defeat", "streak",  NULL};
/* Familiar forms of English given names and the one full name each is a form of, in
 * pairs: news writes one person "Phil Knight" in one story and "Philip Knight" in another.
 * A form of two full names is left out ("Jack" is John's and Jack's, "Steve" Steven's and
 * Stephen's, "Alex" Alexander's and Alexandra's). Asked by the variant keys (ner_resolve.c). */
const char *const ag__ner_familiar_names[] = {
    "andy",  "andrew",   "ben",   "benjamin", "bill",  "william",     "billy", "william",
    "bob",   "robert",   "bobby", "robert",   "chris", "christopher", "chuck", "charles",
    "dan",   "daniel",   "danny", "daniel",   "dave",  "david",       "dick",  "richard",
    "doug",  "douglas",  "ed",    "edward",   "greg",  "gregory",     "jeff",  "jeffrey",
    "jim",   "james",    "jimmy", "james",    "joe",   "joseph",      "ken",   "kenneth",
    "larry", "lawrence", "matt",  "matthew",  "mike",  "michael",     "mick",  "michael",
    "nick",  "nicholas", "pete",  "peter",    "phil",  "philip",      "rick",  "richard",
    "rob",   "robert",   "ron",   "ronald",   "sam",   "samuel",      "tim",   "timothy",
    "tom",   "thomas",   "tommy", "thomas",   "tony",  "anthony",     NULL};
/* Last words of newspapers' names, lower case: "Washington Post", "Houston Chronicle". */
const char *const ag__ner_papers[] = {"post",     "times",     "journal", "tribune",   "herald",
                                      "globe",    "chronicle", "gazette", "telegraph", "inquirer",
                                      "examiner", "courier",   "mail",    "mirror",    "express",
                                      "star",     "observer",  NULL};
/* A contest, before "against" and the other side: "the game against Cleveland". */
const char *const ag__ner_contests[] = {"game",    "games",  "match",    "matches", "matchup",
                                        "fixture", "opener", "showdown", "clash",   NULL};
/* Words between a score and the other side: "a 24-10 victory over Buffalo", "losing 2-1
 * to Boston". */
const char *const ag__ner_score_links[] = {"over", "to", "against", "past", NULL};

const char *const *const ag__ner_cues[CUE_LISTS] = {[CUE_RESULT] = ag__ner_result_verbs,
                                                    [CUE_ROLE] = ag__ner_team_roles,
                                                    [CUE_CONTEST] = ag__ner_contests,
                                                    [CUE_SCORE] = ag__ner_score_verbs,
                                                    [CUE_LINK] = ag__ner_score_links,
                                                    [CUE_VEHICLE] = ag__ner_vehicles,
                                                    [CUE_ABOARD] = ag__ner_aboard,
                                                    [CUE_RUN] = ag__ner_runs,
                                                    [CUE_PORT] = ag__ner_ports,
                                                    [CUE_VERSION] = ag__ner_versions,
                                                    [CUE_WORK_STAR] = ag__ner_work_stars,
                                                    [CUE_WORK_PART] = ag__ner_work_parts,
                                                    [CUE_WORK_PERSON] = ag__ner_work_people,
                                                    [CUE_WORK_CREDIT] = ag__ner_work_credits,
                                                    [CUE_WORK_DRAW] = ag__ner_work_draws,
                                                    [CUE_WORK_AUDIENCE] = ag__ner_work_audiences,
                                                    [CUE_WORK_BOX] = ag__ner_work_box,
                                                    [CUE_WORK_NAMED] = ag__ner_work_named,
                                                    [CUE_WORK_AWARD] = ag__ner_work_film_awards,
                                                    [CUE_WORK_CATEGORY] = ag__ner_work_categories,
                                                    [CUE_WORK_IN] = ag__ner_work_in,
                                                    [CUE_WORK_OF] = ag__ner_work_of,
                                                    [CUE_BAND_MEMBER] = ag__ner_band_members};

/* First words of names that are events, storms, series or competitions, not actors:
 * "Hurricane Ivan", "Tropical Storm Gaston", "Formula One", "Operation Desert Storm",
 * "Copa Libertadores" (a cup, in Spanish and Portuguese), "Battle of Britain", "Order of
 * Merit" (an honour). Asked by
 * ner_evidence.c (misc_first). */
const char *const ag__ner_misc_firsts[] = {"Hurricane", "Typhoon", "Cyclone", "Tropical",
                                           "Storm",     "Formula", "Copa",    "Operation",
                                           "Battle",    "Siege",   "Order",   NULL};

/* Words of a utility's or carrier's trade that make a company after a national
 * adjective ("Irish Ferries", "Welsh Water", "British Gas", "American Express"); the
 * trades that are organisation cue words ("Airways", "Telecom") do so as cues. */
const char *const ag__ner_trade_heads[] = {
    "Water", "Gas",     "Power",   "Electric", "Electricity",  "Energy",  "Steel",
    "Rail",  "Ferries", "Express", "Coal",     "Shipbuilders", "Tobacco", NULL};

/* First words of natural places' names ("River Coquet", "Mount Kenya", "Loch Ness"):
 * typing evidence (vote_own_words). */
const char *const ag__ner_place_firsts[] = {"River", "Mount", "Mt",   "Lake",
                                            "Loch",  "Lough", "Isle", NULL};

/* Letters joined by an ampersand that are ordinary words, not a company's initials. */
const char *const ag__ner_generic_ampersands[] = {"R&D", "Q&A", "M&A", "B&B", "A&E", "P&L",
                                                  "R&B", "G&T", "F&B", "S&L", NULL};

/* Counts before "Nations" that name a tournament of national sides ("Six Nations"). */
/* The abbreviations news writes for a US state or a Canadian province after a town and
 * its comma ("Santa Clara, Calif.", "Trenton, N.J."), each before the name the lexicon
 * knows it by: pairs, NULL-ended. Many are ordinary words alone ("Ore", "Mass", "Wash"),
 * so they are read only there. */
const char *const ag__ner_region_abbrevs[] = {
    "Ala.",  "Alabama",       "Ariz.",  "Arizona",
    "Ark.",  "Arkansas",      "Calif.", "California",
    "Colo.", "Colorado",      "Conn.",  "Connecticut",
    "Del.",  "Delaware",      "Fla.",   "Florida",
    "Ga.",   "Georgia",       "Ill.",   "Illinois",
    "Ind.",  "Indiana",       "Kan.",   "Kansas",
    "Ky.",   "Kentucky",      "La.",    "Louisiana",
    "Md.",   "Maryland",      "Mass.",  "Massachusetts",
    "Mich.", "Michigan",      "Minn.",  "Minnesota",
    "Miss.", "Mississippi",   "Mo.",    "Missouri",
    "Mont.", "Montana",       "Neb.",   "Nebraska",
    "Nev.",  "Nevada",        "N.H.",   "New Hampshire",
    "N.J.",  "New Jersey",    "N.M.",   "New Mexico",
    "N.Y.",  "New York",      "N.C.",   "North Carolina",
    "N.D.",  "North Dakota",  "Okla.",  "Oklahoma",
    "Ore.",  "Oregon",        "Pa.",    "Pennsylvania",
    "R.I.",  "Rhode Island",  "S.C.",   "South Carolina",
    "S.D.",  "South Dakota",  "Tenn.",  "Tennessee",
    "Tex.",  "Texas",         "Vt.",    "Vermont",
    "Va.",   "Virginia",      "Wash.",  "Washington",
    "W.Va.", "West Virginia", "Wis.",   "Wisconsin",
    "Wyo.",  "Wyoming",       "D.C.",   "District of Columbia",
    "Ont.",  "Ontario",       "Que.",   "Quebec",
    "Alta.", "Alberta",       "B.C.",   "British Columbia",
    "Man.",  "Manitoba",      "Sask.",  "Saskatchewan",
    "N.S.",  "Nova Scotia",   "N.B.",   "New Brunswick",
    NULL};
const char *const ag__ner_counted_nations[] = {"Two", "Three", "Four", "Five", "Six", "Tri", NULL};

/* Units numbered in a series, a race or a text: "Game 2 of the series", "Stage 12",
 * "Round 3", "Week 4", and the parts of a law or a book, "Chapter 11" (bankruptcy
 * protection), "Article 5", "Section 8": the unit, no actor (not "Heat": the Miami Heat
 * 98). */
const char *const ag__ner_numbered_units[] = {
    "Game", "Stage",   "Round",   "Leg",     "Race",   "Week",      "Match", "Set",
    "Lap",  "Chapter", "Article", "Section", "Clause", "Paragraph", "Rule",  NULL};

/* Copulas of a definition ("X is a ...", "X was ..."). Asked by ner_evidence.c
 * (vote_definition). */
const char *const ag__ner_copulas[] = {"is", "was", "are", "were", "became", "remains", NULL};
/* Words after a name (or its copula) that only an organisation takes: "X was founded in
 * 1990", "X, headquartered in", "X is based in". */
const char *const ag__ner_founding[] = {"founded",      "established", "headquartered", "based",
                                        "incorporated", "formed",      "listed",        NULL};
/* Nouns a definition of a person ends in ("X is a Scottish footballer", "X was an
 * American poet"), beyond the titles of the lexicon. */
const char *const ag__ner_person_nouns[] = {
    "singer",    "actor",      "actress",     "politician",    "footballer",
    "writer",    "author",     "musician",    "player",        "poet",
    "painter",   "journalist", "businessman", "businesswoman", "scientist",
    "composer",  "rapper",     "comedian",    "athlete",       "boxer",
    "cyclist",   "golfer",     "novelist",    "philosopher",   "historian",
    "economist", "lawyer",     "diplomat",    "soldier",       "officer",
    "physicist", "chemist",    "engineer",    "architect",     "photographer",
    "dancer",    "cricketer",  "swimmer",     "tennis",        "broadcaster",
    NULL};

/* Nouns before "of" that only a person's name follows: "the life of X", "the death of
 * X", "the widow of X". Asked by ner_evidence.c (vote_before). */
const char *const ag__ner_person_of[] = {
    "life",    "death", "murder",  "killing", "assassination", "funeral", "widow",
    "widower", "wife",  "husband", "son",     "daughter",      NULL};

/* Titles of a post over a place: what follows "of" after their holder's name is the
 * place ("Mayor Tom Bradley of Los Angeles", "Bishop Tutu of Cape Town"), not an employer.
 * Asked by ner_evidence.c (employer_of). */
const char *const ag__ner_place_titles[] = {
    "mayor",         "governor", "bishop", "archbishop", "duke", "duchess", "earl",
    "prince",        "princess", "king",   "queen",      "lord", "senator", "congressman",
    "congresswoman", "sheriff",  "emir",   "sultan",     NULL};

/* Works of film, television and music, from what is said around their names (asked by
 * ner_evidence.c, vote_work): the credits after a title ("X, starring Y", "X, directed
 * by Y"), what a title does ("X drew 9 million viewers", "X has been renewed", "X topped
 * the box office", "X was named best film"), and what is in one ("starring in X", "an
 * episode of X", "best actor for X"). */
const char *const ag__ner_work_stars[] = {"starring",    "stars",     "starred",
                                          "co-starring", "featuring", NULL};
/* Plural nouns of a kind before "including X" or "such as X", which make X one of the
 * kind: organisations ("charities including Oxfam", "labels such as X") and works
 * ("films including X"; the work nouns are asked of G_MISC_NOUN). */
const char *const ag__ner_org_kinds[] = {
    "companies", "firms",         "charities",     "groups",     "bands",    "banks",
    "airlines",  "labels",        "studios",       "clubs",      "parties",  "retailers",
    "insurers",  "lenders",       "broadcasters",  "newspapers", "networks", "agencies",
    "carmakers", "organisations", "organizations", NULL};

/* Who belongs to a show, a book or a contest, between its name and theirs: "X star Y",
 * "X author Y", "X winner Y". */
const char *const ag__ner_work_people[] = {"star",   "author",     "creator",
                                           "winner", "contestant", NULL};
/* What a work has, after its possessive: "X's cast", "X's storyline" (not "plot", which
 * a conspirator has too). */
const char *const ag__ner_work_parts[] = {"cast",     "episode",    "episodes",   "storyline",
                                          "sequel",   "soundtrack", "screenplay", "script",
                                          "premiere", NULL};
const char *const ag__ner_work_credits[] = {"directed", "produced", "written", NULL};
const char *const ag__ner_work_draws[] = {"drew", "draws", "attracted", "attracts", "pulled", NULL};
/* (not "audience": a speaker draws one too) */
const char *const ag__ner_work_audiences[] = {"viewers", NULL};
const char *const ag__ner_work_box[] = {
    "topped", "tops",   "took",     "takes",   "opened", "opens",   "grossed", "earned",
    "stays",  "stayed", "remained", "remains", "led",    "debuted", "climbed", NULL};
const char *const ag__ner_work_named[] = {"named", "voted", NULL};
/* Awards a film (not its director or its cast) wins: "X won best film". An album, a
 * single or a video is its artist's award ("Keane won best album"). */
const char *const ag__ner_work_film_awards[] = {"film",        "picture", "drama", "comedy",
                                                "documentary", "musical", NULL};
/* Categories of "best ... for X" ("best actor for Ray", "best album for X"). */
const char *const ag__ner_work_categories[] = {
    "actor", "actress", "director", "film",        "picture", "screenplay", "album",      "single",
    "song",  "drama",   "comedy",   "documentary", "musical", "score",      "soundtrack", NULL};
const char *const ag__ner_work_in[] = {"starring",     "starred",    "stars", "co-starring",
                                       "co-starred",   "appearance", "cameo", "performance",
                                       "performances", NULL};
/* "an episode of X", "the sequel to X"; and what its creators are the creators of
 * ("co-creator of The Office", "the creators of Globus"; not a writer, a paper's staff,
 * nor a producer, a company's trade). */
const char *const ag__ner_work_of[] = {
    "episode",    "episodes", "sequel",     "remake",   "premiere",    "screening", "prequel",
    "adaptation", "creator",  "co-creator", "creators", "co-creators", NULL};
/* Nouns of works before a title ("the musical The Woman in White", "their album, Hopes and
 * Fears,"): the title runs on across the small words of titles (ag__ner_title_glue).
 * Asked by ner_spans.c (work_title_start). Not the nouns that are verbs too ("play",
 * "hit", "record"). */
const char *const ag__ner_work_titles[] = {
    "album",    "film",        "movie",   "single",   "song",   "novel",  "musical",
    "sitcom",   "book",        "poem",    "painting", "series", "drama",  "comedy",
    "thriller", "soap",        "cartoon", "biopic",   "sequel", "remake", "opera",
    "memoir",   "documentary", "debut",   NULL};
const char *const ag__ner_title_glue[] = {"the", "of",  "a",   "an", "to",
                                          "in",  "and", "for", "on", NULL};
/* Industries that end companies' names (orgcues.txt: "Velantis Semiconductor", "Orrin
 * Therapeutics", "Hexley Research") but, in lower case after a name, name its field or
 * product, not a company: "Linux software", "Hollywood entertainment", "market research";
 * so do a firm's partners ("Kessler Associates"; "Blair associates" are a person's). */
const char *const ag__ner_industries[] = {"semiconductor", "semiconductors", "pharmaceutical",
                                          "pharma",        "foods",          "brewing",
                                          "mining",        "metals",         "chemicals",
                                          "aerospace",     "automotive",     "logistics",
                                          "software",      "therapeutics",   "biosciences",
                                          "robotics",      "instruments",    "entertainment",
                                          "ventures",      "investments",    "hotels",
                                          "resorts",       "shipping",       "electronics",
                                          "media",         "systems",        "technologies",
                                          "networks",      "telecom",        "telecoms",
                                          "insurance",     "petroleum",      "pharmaceuticals",
                                          "records",       "pictures",       "communications",
                                          "broadcasting",  "news",           "research",
                                          "consulting",    "associates",     NULL};
/* Head words of a ministry or a minister whose "of" names a portfolio, which may be a
 * list ("Department of Trade and Industry", "Minister of Culture and Tourism"). Asked by
 * ner_spans.c (span_end). */
const char *const ag__ner_ministry_heads[] = {"Department", "Ministry",    "Minister", "Secretary",
                                              "Office",     "Secretariat", "Bureau",   NULL};
/* Head words of a school or a college of a university whose "of" names its subjects, a
 * list as a ministry's portfolio is ("College of Arts and Humanities", "Faculty of Science
 * and Engineering", "School of Oriental and African Studies"). Asked by ner_spans.c
 * (span_end). */
const char *const ag__ner_school_heads[] = {"College", "Faculty", "School", "Academy", NULL};
/* Heads of institutions whose names go on with "for" and their cause: "Movement for
 * Democratic Change", "Institute for Fiscal Studies" (not "Good News for Investors", "Co
 * for US $5m": a company's words take no cause). */
const char *const ag__ner_cause_heads[] = {
    "Party",      "Movement",   "Institute",    "Centre",       "Center",  "Council",
    "Committee",  "Commission", "Organisation", "Organization", "Office",  "Department",
    "Ministry",   "Agency",     "Bank",         "Fund",         "Society", "Foundation",
    "Federation", "Union",      "Alliance",     "Coalition",    "League",  "Association",
    "Front",      "Campaign",   "Court",        "Corporation",  "Board",   "Authority",
    "Trust",      "Academy",    "Forum",        "Service",      "Network", "Secretariat",
    "Conference", "Congress",   "Tribunal",     "Programme",    "Program", "Panel",
    NULL};
/* Verbs before "for the" and a prize: "compete for the Golden Bear", "shortlisted for the
 * Booker". */
const char *const ag__ner_vie_for[] = {"compete",   "competes",    "competing", "vie",
                                       "vies",      "vying",       "contend",   "contending",
                                       "nominated", "shortlisted", NULL};
/* Words of nominees before "for" and the work they are named for, no "the": "shortlisted
 * for Arthur & George", "nominated for Ray", "his nomination for Sideways". */
const char *const ag__ner_shortlisted[] = {
    "nominated", "shortlisted", "short-listed", "longlisted", "nomination", "nominations", NULL};
/* Words before "by" and who publishes or distributes a work ("published by Picador"):
 * not "released by", which an artist does as well as a label. */
const char *const ag__ner_publish_words[] = {"published", "distributed", NULL};
/* Verbs before "by" and who bought a business ("acquired by X"): not "owned by", which a
 * person is as often as a company. */
const char *const ag__ner_buy_words[] = {"acquired", "bought", "purchased", NULL};
/* Nouns before "by" and who carried them out, a firm: "a poll by X", "a survey by X" (not
 * "a report by X", which a judge or an author writes as often). */
const char *const ag__ner_poll_words[] = {"poll", "polls", "survey", "surveys", NULL};
/* Verbs of selling a few words before "to" and the buyer ("agreed to sell its unit to
 * X"). */
const char *const ag__ner_sell_words[] = {"sell", "sells", "selling", "sold", NULL};
/* Trade nouns that open a sentence before a company's name ("Chipmaker Arvantis to buy
 * ...", "Insurer Aviva said"): the word is no part of the name and says it is a company.
 * Only nouns no company or person is named by ("Bank", "Network", "Studio" are left out). */
const char *const ag__ner_trade_nouns[] = {
    "Carmaker",     "Automaker",   "Chipmaker",   "Drugmaker", "Retailer",
    "Insurer",      "Lender",      "Broadcaster", "Publisher", "Brewer",
    "Conglomerate", "Regulator",   "Stockbroker", "Miner",     "Distributor",
    "Manufacturer", "Supermarket", "Airline",     "Carmakers", "Automakers",
    "Chipmakers",   "Drugmakers",  "Retailers",   "Insurers",  "Lenders",
    "Broadcasters", "Publishers",  "Airlines",    NULL};
/* Words that open a sentence describing the organisation named after them, and are no
 * part of its name ("Rival Lloyds Banking Group", "Struggling Northwind Airways"); unlike
 * the trade nouns they say nothing of its kind. */
const char *const ag__ner_describers[] = {
    "Rival",    "Rivals",    "Fellow",  "Struggling",  "Troubled",    "Embattled", "Ailing",
    "Bankrupt", "Insolvent", "Defunct", "Beleaguered", "Loss-making", NULL};
/* Nouns before a name that make it a band ("the Glasgow band X", "the piano trio X"):
 * stronger than other organisation nouns, since bands are often named like people. And
 * the members after it, before a member's name ("X singer Y", "X frontwoman Y"). */
const char *const ag__ner_bands[] = {
    "band", "trio", "duo", "quartet", "quintet", "four-piece", "five-piece", "three-piece", NULL};
const char *const ag__ner_band_members[] = {"singer",      "frontman", "frontwoman",
                                            "guitarist",   "drummer",  "bassist",
                                            "keyboardist", "vocalist", NULL};

/* ---------------------------------------------------------------- lists asked by
 * ner_evidence.c's voters */

/* Scoring words a few words before "through" and a name, which is the scorer ("two tries in the
 * first half through X"). Asked by ner_evidence.c (scored_through). */
const char *const ag__ner_scoring_words[] = {
    "scored", "scoring",  "tries",   "try",       "goals",     "goal",    "ahead",
    "led",    "levelled", "leveled", "equalised", "equalized", "replied", NULL};
/* Peers' titles before "of" and a seat ("the Duke of Kent"): no actor of the seat. Asked by
 * ner_evidence.c (peerage). */
const char *const ag__ner_peer_titles[] = {"Duke",        "Duchess", "Earl",        "Countess",
                                           "Marquess",    "Marquis", "Marchioness", "Viscount",
                                           "Viscountess", "Baron",   "Lady",        NULL};
/* Kinds of state before "of" that name a country ("Republic of Ireland"). Asked by ner_evidence.c
 * (ordinary_before_of). */
const char *const ag__ner_state_kinds[] = {"Republic", "Kingdom",   "Federation",   "Commonwealth",
                                           "Emirate",  "Sultanate", "Principality", NULL};
/* Parts of a continent that make a region, not a company's arm ("East Africa", "Central Asia").
 * Asked by ner_evidence.c (regional_arm). */
const char *const ag__ner_continent_parts[] = {"East",     "West",    "North",   "South",
                                               "Central",  "Eastern", "Western", "Northern",
                                               "Southern", NULL};
/* A product's releases before "of" in apposition ("X, the next version of the system"): a product.
 * Asked by ner_evidence.c (vote_apposition). */
const char *const ag__ner_releases[] = {"version", "edition", "upgrade", "update", NULL};
/* Nouns after a name that make it a program ("Kazaa software"). Asked by ner_evidence.c
 * (program_after). */
const char *const ag__ner_program_words[] = {"software",  "program",    "programs",
                                             "programme", "programmes", NULL};
/* Heads of a territory's government or service after its name ("Ohio governor"). Asked by
 * ner_evidence.c (territory_head). */
const char *const ag__ner_territory_heads[] = {"governor",   "mayor",  "premier",
                                               "prosecutor", "police", NULL};
/* Modifiers before a territory head ("Karnataka chief minister"). Asked by ner_evidence.c
 * (territory_head). */
const char *const ag__ner_territory_modifiers[] = {"public",   "chief", "state",
                                                   "district", "city",  NULL};
/* Verbs before "their" and a lead or run that a side owns ("Celtic extended their lead"). Asked by
 * ner_evidence.c (side_owns_their). */
const char *const ag__ner_lead_verbs[] = {
    "extended",   "extend", "extends",   "stretched", "increased", "kept",    "keep",
    "maintained", "ended",  "end",       "ends",      "continued", "won",     "lost",
    "opened",     "began",  "preserved", "protected", "cut",       "reduced", "boosted",
    "secured",    "sealed", "clinched",  "retained",  NULL};
/* Units of a share price's move ("rose 10 percent", "lost 40 yen"). Asked by ner_evidence.c
 * (share_move). */
const char *const ag__ner_price_units[] = {
    "percent",  "pct", "per",    "pence",  "cents",  "p",      "francs", "marks",
    "pfennigs", "yen", "crowns", "kronor", "kroner", "rupees", "pesos",  NULL};
/* Modifiers before a title ("deputy chairman", "party leader"). Asked by ner_evidence.c
 * (title_modified). */
const char *const ag__ner_title_modifiers[] = {"parliamentary", "deputy",  "party", "former",
                                               "acting",        "interim", "joint", NULL};
/* Verbs of a company reporting its results ("posted a record profit"). Asked by ner_evidence.c
 * (reports_results). */
const char *const ag__ner_report_verbs[] = {"reported", "reports",   "posted",   "posts",
                                            "booked",   "announced", "recorded", "raised",
                                            "lifted",   "cut",       "lowered",  NULL};
/* Results a company reports ("earnings", "sales"). Asked by ner_evidence.c (reports_results). */
const char *const ag__ner_results[] = {"earnings", "profit",   "profits",  "revenue",
                                       "revenues", "sales",    "loss",     "losses",
                                       "results",  "turnover", "dividend", NULL};
/* What only a company has after its possessive ("X's shareholders"). Asked by ner_evidence.c
 * (vote_after). */
const char *const ag__ner_company_owned[] = {
    "shares",    "shareholders", "profits", "earnings",     "revenue",    "revenues", "executives",
    "employees", "chairman",     "board",   "headquarters", "subsidiary", NULL};
/* Relations between two companies that name both ("Quentix rival Morvane"). Asked by ner_evidence.c
 * (vote_after). */
const char *const ag__ner_company_relations[] = {"rival", "subsidiary", "affiliate", "arm",
                                                 "unit",  "partner",    NULL};
/* Number and ordinal words before a counted award ("four Oscars"). Asked by ner_evidence.c
 * (counted). */
const char *const ag__ner_number_words[] = {
    "two",    "three", "four",   "five",  "six",   "seven",   "eight",  "nine",  "ten",   "first",
    "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", NULL};
/* Words channels are named with ("BBC One", "Channel 4"), before a broadcaster's "'s". Asked by
 * ner_evidence.c (channel_owner). */
const char *const ag__ner_channel_words[] = {"BBC", "ITV", "ITV1", "Channel", "Radio", "Sky",
                                             "MTV", "HBO", "CNN",  "NBC",     "CBS",   "ABC",
                                             "TV",  "E4",  "S4C",  "RTE",     NULL};
/* Creators' nouns before a maker credited with a work ("the novelist X"). Asked by ner_evidence.c
 * (by_creator). */
const char *const ag__ner_creators[] = {
    "author", "novelist", "writer",     "poet",      "composer", "singer",   "songwriter", "rapper",
    "artist", "director", "film-maker", "filmmaker", "painter",  "sculptor", "playwright", NULL};
/* Nouns of works of art before a title ("the film X"). Asked by ner_evidence.c
 * (ag__ner_work_noun_before). */
const char *const ag__ner_art_nouns[] = {
    "film",   "movie",  "musical",     "album",       "novel",    "opera",   "song",
    "single", "sitcom", "documentary", "blockbuster", "thriller", "cartoon", "biopic",
    "memoir", "ballet", "painting",    "poem",        NULL};
/* Points of the compass opening a region's name ("Northwest Territories"). Asked by ner_evidence.c
 * (ag__ner_region_name). */
const char *const ag__ner_compass_points[] = {"East",      "West",      "North",     "South",
                                              "Northwest", "Northeast", "Southwest", "Southeast",
                                              "Midwest",   NULL};
/* Parts opening a region's name ("Far East", "Upper Nile"). Asked by ner_evidence.c
 * (ag__ner_region_name). */
const char *const ag__ner_region_parts[] = {"Far",    "Deep", "Upper", "Lower",
                                            "Middle", "Near", NULL};
/* Nouns of staff in the plural before "at" and a body ("officials at X"). Asked by ner_evidence.c
 * (staff_at). */
const char *const ag__ner_staff_plurals[] = {"officials",  "workers",   "staff",      "employees",
                                             "traders",    "engineers", "scientists", "researchers",
                                             "executives", NULL};
/* Trades that work for a firm, a bank or a university ("an analyst at X"). Asked by ner_evidence.c
 * (staff_at). */
const char *const ag__ner_staff_trades[] = {
    "analyst",   "economist",  "strategist",  "consultant", "researcher", "scientist",
    "engineer",  "trader",     "dealer",      "broker",     "expert",     "specialist",
    "executive", "spokesman",  "spokeswoman", "professor",  "lecturer",   "partner",
    "auditor",   "accountant", "banker",      NULL};
/* Kinds of show, or a determiner, before "show" and a programme ("the talent show X"). Asked by
 * ner_evidence.c (show_before). */
const char *const ag__ner_show_kinds[] = {
    "talent",  "chat",    "quiz",    "game",    "reality", "breakfast", "comedy",
    "cookery", "music",   "panel",   "variety", "cult",    "hit",       "satirical",
    "sketch",  "current", "affairs", "the",     "a",       "his",       "her",
    "their",   "its",     "new",     "popular", "rival",   "flagship",  NULL};
/* Kinds of computer game before "game" and its name ("the racing game X"). Asked by ner_evidence.c
 * (game_before). */
const char *const ag__ner_game_kinds[] = {
    "video",        "computer", "racing",  "puzzle",   "strategy",  "online",
    "arcade",       "fighting", "driving", "shooting", "adventure", "platform",
    "role-playing", "console",  "mobile",  "PC",       NULL};
/* Plural kinds opening a sentence before "such as" and examples ("Rivals such as X"). Asked by
 * ner_evidence.c (example_of_kind). */
const char *const ag__ner_kind_openers[] = {"Rivals",   "Firms", "Companies",
                                            "Carriers", "Banks", NULL};
/* Verbs of joining a body ("joined Sampdoria in 1994"). Asked by ner_evidence.c (joined_body). */
const char *const ag__ner_join_words[] = {"joined", "rejoined", "joining", "joins", NULL};
/* Parts of an organisation in apposition ("the party's youth wing, X,"). Asked by ner_evidence.c
 * (vote_before). */
const char *const ag__ner_org_parts[] = {"wing", "faction", "offshoot", "branch", NULL};
/* Words of companies merging before "with" and a company ("its merger with X"). Asked by
 * ner_evidence.c (vote_before, merger_forms). */
const char *const ag__ner_merger_words[] = {"merger", "mergers", "merge",  "merges",
                                            "merged", "merging", "tie-up", NULL};
/* Plurals of works before "including" or "such as" ("hits including X"). Asked by ner_evidence.c
 * (vote_kind). */
const char *const ag__ner_work_plurals[] = {"hits",   "singles", "songs",  "tracks", "shows",
                                            "novels", "plays",   "titles", "games",  "films",
                                            "movies", "albums",  "books",  NULL};

/* ---------------------------------------------------------------- entertainment cues */

/* Who presents a programme, before "of" and its name: "host of Trivia Night", "the
 * presenter of Morning Glory" (not "a host of stars": many). Asked by ner_evidence.c
 * (work_before). */
const char *const ag__ner_show_hosts[] = {"host",    "co-host", "presenter", "co-presenter",
                                          "hostess", "compere", NULL};
/* Plural verbs after a group's name opening its sentence ("Velvet Harbour were
 * dropped"). Asked by ner_spans.c (skip_initial_words). */
const char *const ag__ner_group_verbs[] = {"are", "were", "have", NULL};

/* Technology and business news (issue 17's technology desk). Nouns of software, devices
 * and formats after a name and one modifier ("the X web browser", "the X games console",
 * "the X video format", "the X email worm"): the name is the product. Not the nouns of
 * works or series ("the NRL finals series" is a league's), nor of what a company also
 * sells under its name ("the X media player", "the X mobile phone"). Asked by
 * ner_evidence.c (product_kind_after). */
const char *const ag__ner_product_nouns[] = {"browser",  "browsers", "console",  "consoles",
                                             "handheld", "format",   "standard", "codec",
                                             "protocol", "worm",     "virus",    NULL};
/* Nouns of technology after an acronym ("UMD discs", "ISDN connections", "RFID
 * technology"): the acronym names a technology, not a body. Not the nouns that are verbs
 * too ("files", "signals", "sets", "lines": "The ACLU files requests"), nor "channels",
 * "networks", "phones" or "players", which a broadcaster, an operator, a maker or a
 * league has ("NBA players"). Asked by ner_evidence.c (product_kind_after). */
const char *const ag__ner_tech_nouns[] = {"disc",       "discs",       "disk",       "disks",
                                          "connection", "connections", "technology", NULL};

/* ---------------------------------------------------------------- the table */

/* The lists of G_* bits, for the table. */
/* Words that only sports reports use, lower case: three of them (or results, "7-3") in a
 * document make it one, where a city named as an actor is its team ("Boston rallied past New
 * York"). Words other desks use too ("match", "series", "points", "goals", "penalty") are left out.
 */
static const char *const sport_words[] = {
    "inning",       "innings",       "quarterback", "touchdown",  "touchdowns",
    "homer",        "homers",        "homered",     "pitcher",    "pitched",
    "playoff",      "playoffs",      "halftime",    "overtime",   "rebounds",
    "striker",      "midfielder",    "goalkeeper",  "scored",     "unbeaten",
    "winless",      "standings",     "semifinal",   "semifinals", "semi-final",
    "quarterfinal", "quarter-final", "coach",       "rookie",     "lineup",
    "roster",       "ballpark",      "stadium",     "hat-trick",  "rushing",
    "free-kick",    "postseason",    "preseason",   "seeded",     "clinched",
    "bullpen",      "clinch",        "clinches",    "wicket",     "wickets",
    "batsman",      "batsmen",       "bowler",      "bowlers",    "wicketkeeper",
    "all-rounder",  "fly-half",      "scrum-half",  "equaliser",  "equalizer",
    "goalless",     "relegation",    "relegated",   "umpire",     "umpires",
    "laps",         "pit-stop",      "pit-stops",   "pitstop",    "pitstops",
    "pit-lane",     "chicane",       NULL};

static const struct {
    const char *const *words;
    uint32_t bit;
} grammar_lists[] = {{sport_words, G_SPORT},
                     {say_verbs, G_SAY},
                     {org_nouns, G_ORG_NOUN},
                     {place_nouns, G_PLACE_NOUN},
                     {ag__ner_team_after, G_TEAM_AFTER},
                     {team_before, G_TEAM_BEFORE},
                     {loc_preps, G_LOC_PREP},
                     {loc_keep, G_LOC_KEEP},
                     {gov_before, G_GOV_BEFORE},
                     {gov_after, G_GOV_AFTER},
                     {org_before, G_ORG_BEFORE},
                     {stake_nouns, G_STAKE},
                     {ag__ner_misc_heads, G_MISC_HEAD},
                     {misc_nouns, G_MISC_NOUN},
                     {place_heads, G_PLACE_HEAD}};

ag__ner_list_lens ag__ner_list_table[AG__NER_LIST_SLOTS];
_Static_assert(AG__NER_LIST_SLOTS == 256, "list_slot keeps the top 8 bits of its hash");

ag__ner_list_lens *ag__ner_list_lens_fill(const char *const *ws)
{
    /* A slot being filled holds this address, which is no list's, until its list is. */
    static const char busy;
    size_t home = list_slot(ws);
    /* The lists are a few dozen: eight slots from its own always hold a list's row. */
    for (size_t i = 0; i < 8; i++) {
        ag__ner_list_lens *s = &ag__ner_list_table[(home + i) % AG__NER_LIST_SLOTS];
        const void *had = atomic_load_explicit(&s->list, memory_order_acquire);
        if (had == (const void *)ws)
            return s;
        if (had)
            continue;
        /* Claimed by one thread at a time, and published once its row is complete: a
         * thread that sees the list in the slot sees the whole row. */
        if (!atomic_compare_exchange_strong_explicit(&s->list, &had, (const void *)&busy,
                                                     memory_order_acquire, memory_order_relaxed))
            continue;
        memset(s->lens, 0, sizeof s->lens);
        for (const char *const *w = ws; *w; w++) {
            size_t n = strlen(*w);
            if (n > 0 && n < 32)
                s->lens[(*w)[0] & 31] |= 1u << n;
        }
        atomic_store_explicit(&s->list, (const void *)ws, memory_order_release);
        return s;
    }
    return NULL;
}

/* Word w, in exactly this case, is in the lists of bit. */
static int grammar_add(struct ag__ner_scratch *p, const char *w, uint32_t bit)
{
    int err = 0;
    size_t n = strlen(w);
    dslot *s = dt_get(&p->grammar, w, n, 1, &err);
    if (!s || err)
        return -1;
    s->val |= bit;
    if (n > p->grammar_maxlen)
        p->grammar_maxlen = n;
    if (n < 64)
        p->gram_lens[(unsigned char)w[0]] |= 1ull << n;
    if (n < 64 && bit == G_SPORT) {
        p->sport_lens[(unsigned char)w[0]] |= 1ull << n;
        p->sport_last[(unsigned char)w[n - 1]] |= 1ull << n;
        p->sport_2nd[(unsigned char)w[1]] |= 1ull << n;
    }
    return 0;
}

int ag__ner_grammar_init(struct ag__ner_scratch *p)
{
    /* Three hundred words: a table of 1024 slots (24 KB) stays in the L1 cache, where
     * dt_get's first size (4096) would cost a cache miss on every token asked
     * about. */
    if (!(p->grammar.v = calloc(1024, sizeof *p->grammar.v)))
        return -1;
    p->grammar.cap = 1024;
    for (size_t i = 0; i < sizeof grammar_lists / sizeof grammar_lists[0]; i++)
        for (const char *const *w = grammar_lists[i].words; *w; w++)
            if (grammar_add(p, *w, grammar_lists[i].bit) < 0)
                return -1;
    for (const ag__lex_legal_form_word *f = ag__lex_legal_forms; f->form; f++)
        if ((f->flags & AG__LEX_FORM_SUFFIX) && grammar_add(p, f->form, G_CORP_SFX) < 0)
            return -1;
    for (size_t i = 0; i < CUE_LISTS; i++)
        for (const char *const *w = ag__ner_cues[i]; *w; w++)
            p->cue_lens[i][(*w)[0] & 31] |= 1ull << strlen(*w);
    return 0;
}
