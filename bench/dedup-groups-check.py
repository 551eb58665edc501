# Fingerprint of `storytrack dedup --groups` output and its pair precision / recall against the
# planted truth of PlantedCorpus (TSV: id, cluster, edit rate).
# Usage: python3 bench/dedup-groups-check.py GROUPS.jsonl [TRUTH.tsv]
# Predicted pairs are all pairs inside a group (transitive); planted pairs all pairs of one cluster.
import collections, hashlib, itertools, json, sys

groups_path = sys.argv[1]
data = open(groups_path, "rb").read()
groups = [json.loads(l) for l in data.splitlines() if l.strip()]
print(f"groups {len(groups)}, documents dropped {sum(len(g['members']) for g in groups)}, "
      f"fingerprint (sha256 of the file) {hashlib.sha256(data).hexdigest()[:16]}")
if len(sys.argv) > 2:
    cluster, edit = {}, {}
    for line in open(sys.argv[2]):
        doc, c, e = line.rstrip("\n").split("\t")[:3]
        cluster[doc], edit[doc] = c, float(e)
    group_of = {}
    for i, g in enumerate(groups):
        for d in [g["representative"]] + [m["id"] for m in g["members"]]:
            group_of[d] = i
    pred = truepred = 0
    for g in groups:
        ids = [g["representative"]] + [m["id"] for m in g["members"]]
        for a, b in itertools.combinations(ids, 2):
            pred += 1
            truepred += cluster.get(a) == cluster.get(b)
    sizes = collections.Counter(cluster.values())
    planted = sum(n * (n - 1) // 2 for n in sizes.values())
    print(f"planted pairs {planted}, predicted pairs {pred}, correct {truepred}: "
          f"precision {truepred / max(pred, 1):.5f}, recall {truepred / max(planted, 1):.5f} "
          f"(of all planted pairs: copies of one original are often below the threshold)")
    # Original-copy pairs by the copy's edit rate (J = 0.7 is near an edit rate of 3.9%).
    bands = collections.defaultdict(lambda: [0, 0])
    for d, c in cluster.items():
        if d != c and c in cluster:
            b = bands[min(int(edit[d] * 100), 8)]
            b[0] += 1
            b[1] += group_of.get(d, -1) == group_of.get(c, -2)
    print("original-copy recall by edit rate: " + ", ".join(
        f"{k}-{k + 1}% {v[1] / v[0]:.4f} ({v[1]}/{v[0]})" for k, v in sorted(bands.items())))
