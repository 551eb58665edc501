#!/usr/bin/env python3
"""PolNeAR's train and dev articles as one storytrack JSONL stream (dated by metadata.tsv).

PolNeAR labels attributions, not stories; bench/polnear-events/gold.jsonl gives these articles
event-level story labels of our own (silver, see its README) for eval clustering and eval peers
(docs/clustering.md, "A dense political stream"). PolNeAR's test articles are held apart and
never read here.

usage: bench/polnear-stream.py [../shared/data/polnear] > polnear-stream.jsonl
"""
import csv
import json
import os
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/polnear"
meta = {r["filename"]: r for r in csv.DictReader(open(os.path.join(root, "metadata.tsv")), delimiter="\t")}
for part in ("train", "dev"):
    folder = os.path.join(root, part, "text")
    for name in sorted(os.listdir(folder)):
        text = open(os.path.join(folder, name), encoding="utf-8").read()
        key = name[:-4] if name.endswith(".txt") else name
        m = meta.get(key, {})
        day = m.get("publication_date")
        print(json.dumps({
            "id": key,
            "url": None,
            "source": m.get("publisher"),
            "title": m.get("title") or text.split("\n", 1)[0],
            "published": day + "T12:00:00Z" if day and day != "None" else None,
            "text": text,
        }))
