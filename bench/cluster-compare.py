# Compares `storytrack cluster` with the Spark ClusterJob on the same stream: B-cubed of the job's
# assignments against the CLI's, the story line shape, and field agreement of stories with the same
# articles. Paths as in docs/spark.md (target/bench/cli-*-100k.jsonl, target/bench/sp-*-100k/).
import json,glob,sys,collections
def assign(files):
    d={}
    for f in files:
        for l in open(f):
            o=json.loads(l); d[o['id']]=o['story']
    return d
cli=assign(['target/bench/cli-assign-100k.jsonl'])
sp=assign(sorted(glob.glob('target/bench/sp-assign-100k/part-*')))
print('articles',len(cli),len(sp), 'stories', len(set(cli.values())), len(set(sp.values())))
# B-cubed of spark against cli as reference
def bcubed(pred,gold):
    pc=collections.defaultdict(set); gc=collections.defaultdict(set)
    for k,v in pred.items(): pc[v].add(k)
    for k,v in gold.items(): gc[v].add(k)
    P=R=0
    for k in gold:
        a=pc[pred[k]]; b=gc[gold[k]]; i=len(a&b)
        P+=i/len(a); R+=i/len(b)
    P/=len(gold); R/=len(gold); return P,R,2*P*R/(P+R)
print('B-cubed spark vs cli P %.4f R %.4f F1 %.4f'%bcubed(sp,cli))
def lines(files):
    out=[]
    for f in files:
        for l in open(f): out.append(json.loads(l))
    return out
cs=lines(['target/bench/cli-stories-100k.jsonl']); ss=lines(sorted(glob.glob('target/bench/sp-stories-100k/part-*')))
shape=lambda o:[(k,type(v).__name__) for k,v in o.items()]
print('shapes equal:', all(shape(o)==shape(cs[0]) for o in cs+ss), shape(cs[0]))
# stories with identical article sets
cset={frozenset(o['articles']):o for o in cs}
same=0; fields=collections.Counter()
for o in ss:
    c=cset.get(frozenset(o['articles']))
    if c:
        same+=1
        for k in o:
            if k!='id' and o[k]==c[k]: fields[k]+=1
print('spark stories with the same articles as a cli story:', same, 'of', len(ss), '; fields equal among those:', dict(fields))
