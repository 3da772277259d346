#!/usr/bin/python3
"""Replicate the example articles into a larger JSON Lines news feed (stdlib only).

Usage: gen-news.py EXAMPLES_DIR OUT.jsonl (--mb N | --count N) [--vary]

Every record gets a new id and a date; a counter sentence keeps articles distinct.
--vary also respells some names and shuffles ids (seeded), so that spelling variants and
pairs spread over shards the way they do in a real feed (used by the merge property test).
"""
import json
import os
import random
import sys


def main():
    src, dst = sys.argv[1], sys.argv[2]
    args = sys.argv[3:]
    mb = int(args[args.index("--mb") + 1]) if "--mb" in args else 0
    count = int(args[args.index("--count") + 1]) if "--count" in args else 0
    vary = "--vary" in args
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


main()
