const D=require('better-sqlite3');const db=new D('bench-data/ripple-bench.db',{readonly:true});db.pragma('cache_size=-64000')
const q=(l,s)=>{let best=1e9,r;for(let i=0;i<4;i++){const t=performance.now();r=db.prepare(s).all();best=Math.min(best,performance.now()-t)}console.log(l.padEnd(12),best.toFixed(1),'ms',JSON.stringify(r).slice(0,120))}
q('pop',"select count(*) from stakeholders where archived_at is null and merged_into_id is null and id in (select stakeholder_id from stakeholder_priority where tier='A')")
q('prio only',"select count(*) from stakeholder_priority where tier='A'")
q('prio+exists',"select count(*) from stakeholder_priority p where tier='A' and exists (select 1 from stakeholder_reach_months r where r.stakeholder_id = p.stakeholder_id and r.status='validated' and r.month between '2026-05' and '2026-10')")
q('window scan',"select count(distinct stakeholder_id) from stakeholder_reach_months r where r.status='validated' and r.month between '2026-05' and '2026-10'")
