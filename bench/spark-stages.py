# Per-stage wall, executor run/CPU time, GC and shuffle bytes from a Spark event log (uncompressed;
# a file or the application directory): python3 bench/spark-stages.py target/bench/events/*/
import json,sys,glob,os
f=sys.argv[1]
if os.path.isdir(f): f=sorted(glob.glob(f+'/**/events_*',recursive=True))[0]
tot={'cpu':0,'deser cpu':0,'gc':0,'remote MB':0,'local MB':0}
for line in open(f):
    e=json.loads(line)
    if e['Event']=='SparkListenerStageCompleted':
        i=e['Stage Info']
        d=(i['Completion Time']-i['Submission Time'])/1000
        acc={a['Name']:a.get('Value') for a in i.get('Accumulables',[])}
        print(f"{i['Stage ID']:4d} {d:7.2f}s tasks={i['Number of Tasks']:4d} run={int(acc.get('internal.metrics.executorRunTime',0))/1000:7.1f} cpu={int(acc.get('internal.metrics.executorCpuTime',0))/1e9:7.1f} ser={int(acc.get('internal.metrics.resultSerializationTime',0) or 0)/1000:5.1f} gc={int(acc.get('internal.metrics.jvmGCTime',0) or 0)/1000:5.1f} shW={int(acc.get('internal.metrics.shuffle.write.bytesWritten',0) or 0)/1e6:8.1f}MB shR={int(acc.get('internal.metrics.shuffle.read.localBytesRead',0) or 0)/1e6:8.1f}MB {i['Stage Name'][:60]}")
        tot['cpu']+=int(acc.get('internal.metrics.executorCpuTime',0) or 0)/1e9
        tot['deser cpu']+=int(acc.get('internal.metrics.executorDeserializeCpuTime',0) or 0)/1e9
        tot['gc']+=int(acc.get('internal.metrics.jvmGCTime',0) or 0)/1000
        tot['remote MB']+=int(acc.get('internal.metrics.shuffle.read.remoteBytesRead',0) or 0)/1e6
        tot['local MB']+=int(acc.get('internal.metrics.shuffle.read.localBytesRead',0) or 0)/1e6
    if e['Event']=='SparkListenerJobEnd': print('job',e['Job ID'],'end')
# task CPU in all stages (seconds), their GC time, and shuffle bytes read from other executors / locally
print('total:', ', '.join(f'{k} {v:.1f}' for k,v in tot.items()))
