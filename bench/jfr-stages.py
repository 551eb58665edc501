# Share of CPU samples per dedup stage in a JFR recording, plus the hottest top frames per stage.
# Usage: python3 bench/jfr-stages.py RECORDING.jfr [TOP_FRAMES_PER_STAGE]
# Record with: java -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints
#   -XX:StartFlightRecording=filename=R.jfr,settings=profile -jar storytrack.jar dedup ...
#   (profile samples every 10 ms; a copy of profile.jfc with a shorter period gives more samples)
# A sample goes to the first stage (in the order of RULES) that any frame of its stack matches, so
# komihash called by the shingler counts as shingling (Signer.sign calls the shingler) and the
# Article built by the JSON parser as reading. JFR samples threads that are runnable, not only
# those on a core: on a loaded machine a thread waiting for a core still collects samples.
import collections, re, subprocess, sys

RULES = [
    ("shingle (normalize + hashes)", re.compile(r"dev\.storytrack\.text\.Shingles\.")),
    ("sign (SuperMinHash)", re.compile(r"hash4j\.similarity\.|dedup\.Signer\.sign")),
    ("clean (extractor)", re.compile(r"dev\.storytrack\.extract\.")),
    ("LSH index + union-find", re.compile(r"dev\.storytrack\.dedup\.(NearDuplicateIndex|BandTable)")),
    ("output (groups)", re.compile(r"DedupCommand\.write|Deduplicator\.group")),
    ("read + JSON parse", re.compile(r"dev\.storytrack\.article\.|com\.fasterxml\.jackson")),
    ("JVM start, class loading, JIT'd glue", re.compile(r"ClassLoader|java\.util\.zip|picocli")),
]

def main():
    path = sys.argv[1]
    top_n = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", path],
                         capture_output=True, text=True, check=True).stdout
    stages = collections.Counter()
    tops = collections.defaultdict(collections.Counter)
    threads = collections.Counter()
    total = 0
    for block in out.split("jdk.ExecutionSample {")[1:]:
        m = re.search(r'sampledThread = "([^"]*)"', block)
        thread = m.group(1) if m else "?"
        frames = [l.strip() for l in block.split("stackTrace = [", 1)[-1].splitlines()
                  if l.startswith("    ") and not l.strip().startswith("...") and l.strip() != "]"]
        frames = [re.sub(r"\(.*", "", f) for f in frames]
        stage = "other"
        for name, rx in RULES:
            if any(rx.search(f) for f in frames):
                stage = name
                break
        total += 1
        stages[stage] += 1
        threads[re.sub(r"-?\d+$", "", thread)] += 1
        if frames:
            tops[stage][frames[0]] += 1
    print(f"{total} samples")
    for name, n in stages.most_common():
        print(f"{100.0 * n / total:5.1f}%  {name}")
        for f, k in tops[name].most_common(top_n):
            print(f"          {100.0 * k / total:5.1f}%  {f}")
    print("by thread: " + ", ".join(f"{t} {100.0 * n / total:.0f}%" for t, n in threads.most_common(6)))
    gc = subprocess.run(["jfr", "print", "--events", "jdk.GarbageCollection", path],
                        capture_output=True, text=True).stdout
    pauses = [float(x) for x in re.findall(r"sumOfPauses = ([\d.]+) ms", gc)]
    secs = [float(x) for x in re.findall(r"sumOfPauses = ([\d.]+) s\b", gc)]
    print(f"GC: {len(pauses) + len(secs)} collections, pauses {sum(pauses) / 1000 + sum(secs):.2f} s")

main()
