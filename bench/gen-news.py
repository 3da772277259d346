#!/usr/bin/python3
"""Generate news feeds for benchmarks and tests (stdlib only, deterministic).

Usage: gen-news.py EXAMPLES_DIR OUT.jsonl (--mb N | --count N) [--vary]
       gen-news.py --zipf OUT (--mb N | --count N) [--actors N] [--clusters N]
                   [--exponent S] [--seed N] [--vocab FILE]

Replicate mode copies the example articles: every record gets a new id and a date; a
counter sentence keeps articles distinct. --vary also respells some names and shuffles
ids (seeded), so that spelling variants and pairs spread over shards the way they do in
a real feed (used by the merge property test). Its graph stays the examples' 23 actors.

--zipf writes a corpus that looks like a big one: a vocabulary of --actors (default
200000) invented people and organisations, whose mentions follow a Zipf law of exponent
--exponent (default 1.2) by popularity rank, in --clusters (default 2000) topical
clusters. An article draws its actors mostly from one cluster (chosen in proportion to
its members' popularity), some from the whole vocabulary, and mentions a few countries;
its sentences are news-shaped (titles, roles, meetings, organisations saying things),
so ag-extract types and links them as in real news. OUT ending in .jsonl is a JSON Lines
feed; any other OUT is a directory of .txt articles (1000 per subdirectory). --vocab
writes the vocabulary as TSV (rank, type, cluster, name) for recall checks. The same
arguments give the same bytes.
"""
import argparse
import bisect
import itertools
import json
import os
import random
import sys


# ------------------------------------------------------------------ replicate mode

def replicate(src, dst, mb, count, vary):
    texts = []
    for name in sorted(os.listdir(src)):
        p = os.path.join(src, name)
        if name.endswith((".txt", ".md")):
            texts.append(open(p, encoding="utf-8").read())
        elif name.endswith(".jsonl"):
            texts += [json.loads(l)["text"] for l in open(p, encoding="utf-8") if l.strip()]
    swaps = [("Mitsotakis", "Mitsotakes"), ("Giorgia Meloni", "Giorgia Maria Meloni"),
             ("Robert Abela", "Robert Abella"), ("Valletta", "Rome")]
    rng = random.Random(7)
    n = written = 0
    with open(dst, "w", encoding="utf-8") as out:
        while (count and n < count) or (mb and written < mb << 20):
            t = texts[n % len(texts)]
            rec = {"id": "b%07d" % n}
            if vary:
                a, b = swaps[rng.randrange(len(swaps))]
                if rng.random() < 0.5:
                    t = t.replace(a, b)
                rec["id"] = "g%05d" % rng.randrange(100000)
            else:
                t += "\nBulletin %d closes the report." % n
            rec["text"] = t
            if not vary or n % 3:
                rec["date"] = "2023-%02d-%02d" % (1 + n % 12, 1 + n % 27)
            line = json.dumps(rec) + "\n"
            out.write(line)
            written += len(line.encode())
            n += 1


# ------------------------------------------------------------------ the vocabulary

# Invented words are syllables: onset, vowel, optional coda. Person and organisation
# words come from disjoint pools, as do given names and surnames: ag-extract resolves a
# lone surname to the one name it starts or ends in an article, and one word heading an
# organisation's name to that organisation, so shared words would merge actors that the
# vocabulary keeps apart.
ONSETS = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "j",
          "b", "d", "k", "l", "m", "n", "r", "s", "t", "v", "br", "dr", "kr", "tr", "st"]
VOWELS = ["a", "e", "i", "o", "u", "a", "e", "o", "ai", "ei", "ou", "ia"]
CODAS = ["", "", "", "", "", "", "n", "r", "l", "s", "k", "m", "v", "nd"]

# Organisation heads (ag-extract's organisation cue words) and roles, titles and
# countries: written for this generator from general knowledge.
ORG_HEADS = ["Bank", "Holdings", "Institute", "Foundation", "Agency", "Authority",
             "Council", "Union", "Federation", "Association", "Industries", "Motors",
             "Airways", "Systems", "Telecom", "University", "Commission", "Alliance",
             "Movement", "Party", "Media", "Partners", "Securities", "Insurance",
             "Pharmaceuticals", "Technologies", "Railways", "Studios", "League", "Fund"]
TITLES = ["Minister", "Prime Minister", "Foreign Minister", "Finance Minister",
          "President", "Senator", "Governor", "Mayor", "Ambassador", "General",
          "Professor", "Dr", "Mr", "Ms", "Judge", "Commissioner", "Envoy",
          "Interior Minister", "Defence Minister", "Secretary General"]
ORG_ROLES = ["chief executive", "chairman", "director", "spokeswoman", "spokesman",
             "founder", "president", "head"]
COUNTRIES = ["Greece", "Malta", "Italy", "France", "Germany", "Spain", "Portugal",
             "Poland", "Austria", "Ireland", "Norway", "Sweden", "Finland", "Denmark",
             "Egypt", "Kenya", "Nigeria", "Ghana", "Brazil", "Chile", "Peru",
             "Argentina", "Mexico", "Canada", "Japan", "India", "Indonesia",
             "Vietnam", "Australia", "Turkey", "Morocco", "Tunisia", "Jordan",
             "Lebanon", "Cyprus", "Croatia", "Serbia", "Romania", "Hungary", "Bulgaria"]
TOPICS = ["migration", "energy", "trade", "water", "fisheries", "rail", "tax",
          "health", "housing", "climate", "security", "port", "grain", "pension",
          "broadband", "tourism", "drought", "border", "budget", "shipping"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]


def variant_key(word):
    """ag-extract's spelling-variant key of one word (ag_ner_variant_key): the first
    letter, then the consonants other than h and y, repeats collapsed."""
    w = word.lower()
    out = [w[0]]
    for ch in w[1:]:
        if ch in "aeiouyh" or ch == out[-1]:
            continue
        out.append(ch)
    return "".join(out)


def word_pool(rng, n, syllables, taken):
    """n distinct invented words of the given syllable counts with distinct variant keys
    (so two names never merge as spelling variants), none in taken (updated)."""
    words = []
    while len(words) < n:
        w = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
                    for _ in range(rng.choice(syllables)))
        k = variant_key(w)
        if len(w) < 4 or k in taken:
            continue
        taken.add(k)
        words.append(w.capitalize())
    return words


def vocabulary(rng, actors):
    """[(name, type)] in popularity rank order: about two persons for one organisation,
    shuffled so popularity does not follow the type."""
    npers = actors * 2 // 3
    norgs = actors - npers
    taken = set()
    given = word_pool(rng, 1500, (2, 2, 3), taken)
    surnames = word_pool(rng, max(4000, npers // 20), (2, 3, 3), taken)
    stems = word_pool(rng, max(3000, norgs // 8), (2, 2, 3), taken)
    pairs = rng.sample(range(len(given) * len(surnames)), npers)
    vocab = [(given[p % len(given)] + " " + surnames[p // len(given)], "person")
             for p in pairs]
    pairs = rng.sample(range(len(stems) * len(ORG_HEADS)), norgs)
    vocab += [(stems[p // len(ORG_HEADS)] + " " + ORG_HEADS[p % len(ORG_HEADS)], "org")
              for p in pairs]
    rng.shuffle(vocab)
    return vocab


class Drawer:
    """Zipf draws over the vocabulary, globally and within one cluster."""

    def __init__(self, rng, nactors, nclusters, exponent):
        self.rng = rng
        w = [1.0 / (r + 1) ** exponent for r in range(nactors)]
        self.all = list(range(nactors))
        self.all_cum = list(itertools.accumulate(w))
        # Cluster sizes vary (a few big topics, many small ones): members are dealt to
        # clusters with weights 1/(c+10).
        cw = list(itertools.accumulate(1.0 / (c + 10) for c in range(nclusters)))
        self.cluster = [bisect.bisect(cw, rng.random() * cw[-1]) for _ in range(nactors)]
        members = [[] for _ in range(nclusters)]
        for a, c in enumerate(self.cluster):
            members[c].append(a)
        self.members = [m for m in members if m]
        # A cluster's share of articles is its members' share of the mentions, so the
        # marginal law over actors stays close to Zipf. Within a cluster the law is Zipf
        # again by rank in the cluster: a story has its protagonists, which is what
        # makes the same pairs come back article after article.
        self.cl_cum = list(itertools.accumulate(sum(w[a] for a in m) for m in self.members))
        self.cum = [list(itertools.accumulate(w[:len(m)])) for m in self.members]

    def pick_cluster(self):
        return bisect.bisect(self.cl_cum, self.rng.random() * self.cl_cum[-1])

    def draw(self, c, k, local=0.9):
        """k distinct actors: from cluster c with probability local, else from all."""
        got = []
        for _ in range(8 * k):
            if len(got) == k:
                break
            if self.rng.random() < local:
                m, cum = self.members[c], self.cum[c]
            else:
                m, cum = self.all, self.all_cum
            a = m[min(bisect.bisect(cum, self.rng.random() * cum[-1]), len(m) - 1)]
            if a not in got:
                got.append(a)
        return got


# ------------------------------------------------------------------ articles

class Writer:
    """Sentences of one article. A person is introduced once with a title and then
    named by surname, as news does; organisations by their full name."""

    def __init__(self, rng, vocab):
        self.rng, self.vocab = rng, vocab
        self.seen = set()

    def p(self, a):
        """A person's mention: title and full name the first time, then the surname."""
        name = self.vocab[a][0]
        if a in self.seen:
            return name.split(" ", 1)[1]
        self.seen.add(a)
        return self.rng.choice(TITLES) + " " + name

    def o(self, a):
        return self.vocab[a][0]


BG_SUBJECTS = ["Officials", "Analysts", "Residents", "Economists", "Diplomats",
               "Local traders", "Union members", "Critics", "Supporters", "Observers",
               "The committee", "The government", "Several lawmakers", "Farmers"]
BG_VERBS = ["said", "warned", "expected", "noted", "argued", "feared", "estimated",
            "conceded", "insisted"]
BG_NOUNS = ["costs", "figures", "plans", "talks", "rules", "subsidies", "prices",
            "contracts", "reforms", "targets", "payments", "inspections"]
BG_PREDICATES = ["had risen by %d percent since the spring",
                 "would be reviewed before the end of the year",
                 "remained %d percent below last year's level",
                 "could take months to agree",
                 "were unlikely to change before the next election",
                 "had been delayed by %d weeks",
                 "would affect about %d,000 households",
                 "needed the approval of the regional assembly",
                 "were discussed at length behind closed doors"]
BG_TAILS = ["", "", "", ", although details were scarce", ", according to a draft seen by reporters",
            " and that a decision was expected soon", ", a view not shared by everyone",
            " despite earlier promises"]


def background(rng, topic):
    """A sentence of an article's background, in ordinary words only."""
    ch = rng.choice
    pred = ch(BG_PREDICATES)
    if "%d" in pred:
        pred = pred % rng.randint(2, 40)
    return "%s %s that the %s %s %s%s." % (ch(BG_SUBJECTS), ch(BG_VERBS), topic,
                                          ch(BG_NOUNS), pred, ch(BG_TAILS))


def article(rng, vocab, drawer):
    """One article's text: a cluster's actors in news-shaped sentences."""
    c = drawer.pick_cluster()
    actors = drawer.draw(c, rng.randint(3, 7))
    people = [a for a in actors if vocab[a][1] == "person"]
    orgs = [a for a in actors if vocab[a][1] == "org"]
    places = rng.sample(COUNTRIES[:10] if rng.random() < 0.6 else COUNTRIES, 2)
    w = Writer(rng, vocab)
    ch = rng.choice
    topic, day = ch(TOPICS), ch(DAYS)
    out = []
    # Each step takes what it needs; what an article lacks (no organisation, one person)
    # just skips sentences that need it.
    if len(people) >= 2:
        a, b = people[0], people[1]
        if rng.random() < 0.3:
            out.append("%s met %s in %s on %s for talks on %s." %
                       (w.p(a), w.p(b), places[0], day, topic))
        else:
            out.append("%s met %s on %s for talks on %s." % (w.p(a), w.p(b), day, topic))
    elif people:
        out.append("%s arrived in %s on %s for talks on %s." % (w.p(people[0]), places[0],
                                                               day, topic))
    for i, o in enumerate(orgs):
        if i < len(people):
            out.append("%s, the %s of %s, said the %s plan was %s." %
                       (w.p(people[i]), ch(ORG_ROLES), w.o(o), topic,
                        ch(["useful", "late", "costly", "a first step", "overdue"])))
        else:
            out.append("%s said it would %s the %s proposal by %s." %
                       (w.o(o), ch(["study", "back", "oppose", "fund", "review"]), topic,
                        ch(MONTHS)))
    rest = people[2:]
    for i in range(0, len(rest) - 1, 2):
        out.append(ch(["%s held talks with %s on %s.",
                       "%s and %s signed a joint statement on %s.",
                       "%s later visited %s to discuss %s."]) %
                   (w.p(rest[i]), w.p(rest[i + 1]), topic))
    if len(rest) % 2:
        out.append("%s said %s and %s would present a common paper in %s." %
                   (w.p(rest[-1]), places[0], places[1], ch(MONTHS)))
    if people:
        out.append("%s said the meeting had been frank and that %s would follow it up." %
                   (w.p(people[0]), places[1]))
    if len(orgs) >= 2:
        out.append("According to %s, %s will host the next round." % (w.o(orgs[1]),
                                                                       w.o(orgs[0])))
    # Background prose without names, between the named sentences, as most of a news
    # article is: about 2.7 KB an article in all, 390,000 articles a gigabyte.
    for _ in range(rng.randint(14, 26)):
        out.insert(rng.randint(1, len(out)), background(rng, topic))
    paras, i = [], 0
    while i < len(out):  # two to four sentences a paragraph
        k = rng.randint(2, 4)
        paras.append(" ".join(out[i:i + k]))
        i += k
    return "\n\n".join(paras) + "\n"


def zipf(a):
    rng = random.Random(a.seed)
    vocab = vocabulary(rng, a.actors)
    drawer = Drawer(rng, len(vocab), a.clusters, a.exponent)
    if a.vocab:
        with open(a.vocab, "w", encoding="utf-8") as v:
            for r, (name, typ) in enumerate(vocab):
                v.write("%d\t%s\t%d\t%s\n" % (r + 1, typ, drawer.cluster[r], name))
    jsonl = a.out.endswith(".jsonl")
    out = open(a.out, "w", encoding="utf-8") if jsonl else None
    if not jsonl:
        os.makedirs(a.out, exist_ok=True)
    n = written = 0
    limit = a.mb << 20
    while (a.count and n < a.count) or (a.mb and written < limit):
        text = article(rng, vocab, drawer)
        if jsonl:
            rec = {"id": "z%08d" % n, "date": "20%02d-%02d-%02d" % (
                20 + n % 5, 1 + n % 12, 1 + n % 28), "text": text}
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode())
        else:
            d = os.path.join(a.out, "%05d" % (n // 1000))
            if n % 1000 == 0:
                os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, "z%08d.txt" % n), "w", encoding="utf-8") as f:
                f.write(text)
            written += len(text.encode())
        n += 1
    if out:
        out.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+", help="EXAMPLES_DIR OUT.jsonl, or OUT with --zipf")
    ap.add_argument("--mb", type=int, default=0)
    ap.add_argument("--count", type=int, default=0)
    ap.add_argument("--vary", action="store_true")
    ap.add_argument("--zipf", action="store_true")
    ap.add_argument("--actors", type=int, default=200000)
    ap.add_argument("--clusters", type=int, default=2000)
    ap.add_argument("--exponent", type=float, default=1.2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--vocab")
    a = ap.parse_args()
    if not (a.mb or a.count) or len(a.paths) != (1 if a.zipf else 2):
        ap.error("give EXAMPLES_DIR OUT.jsonl (or --zipf OUT) and --mb N or --count N")
    if a.zipf:
        if a.actors < 10 or a.clusters < 1:
            ap.error("--actors must be at least 10 and --clusters at least 1")
        a.out = a.paths[0]
        zipf(a)
    else:
        replicate(a.paths[0], a.paths[1], a.mb, a.count, a.vary)


if __name__ == "__main__":
    main()
