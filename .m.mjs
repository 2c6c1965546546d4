import { PGlite } from '@electric-sql/pglite';
let t=Date.now(); const a = await PGlite.create(); console.log('fresh', Date.now()-t);
await a.exec('create table x(i int)'); t=Date.now(); const d = await a.dumpDataDir('none'); console.log('dump', Date.now()-t, d.size);
t=Date.now(); const b = await PGlite.create({ loadDataDir: d }); await b.query('select 1'); console.log('load', Date.now()-t);
t=Date.now(); const c = await PGlite.create({ loadDataDir: d }); await c.query('select 1'); console.log('load2', Date.now()-t);
