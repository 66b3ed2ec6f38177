import Database from "better-sqlite3";
const db = new Database(process.argv[2]!, { readonly: true });
const us = (db.prepare(`select id from Tag where scheme='iso3166' and code='US'`).get() as {id:number}).id;
const econ = (db.prepare(`select id from Tag where code='medtop:04000000'`).get() as {id:number}).id;
const FILED = `(t.state='accepted' OR (t.state='suggested' AND (t.rel='main' OR t.confidence>=0.7)))`;
const q: [string, string, unknown[]][] = [
  ["count all", `select count(*) from Article a`, []],
  ["count status", `select count(*) from Article a where status='new'`, []],
  ["count US in", `select count(*) from Article a where a.id in (select t.articleId from ArticleTag t where t.tagId=? and ${FILED})`, [us]],
  ["count US exists", `select count(*) from Article a where exists (select 1 from ArticleTag t where t.articleId=a.id and t.tagId=? and ${FILED})`, [us]],
  ["page US exists", `select a.id from Article a where exists (select 1 from ArticleTag t where t.articleId=a.id and t.tagId=? and ${FILED}) order by a.id desc limit 51`, [us]],
  ["page US in", `select a.id from Article a where a.id in (select t.articleId from ArticleTag t where t.tagId=? and ${FILED}) order by a.id desc limit 51`, [us]],
  ["facet topic all", `select t.tagId, count(*) from ArticleTag t join Tag g on g.id=t.tagId where g.scheme='medtop' and g.parentId is null and t.state in ('accepted','suggested') group by t.tagId`, []],
  ["facet topic US", `select t.tagId, count(*) from ArticleTag t join Tag g on g.id=t.tagId where g.scheme='medtop' and g.parentId is null and t.state in ('accepted','suggested') and exists (select 1 from ArticleTag u where u.articleId=t.articleId and u.tagId=? and ${FILED.replace(/t\./g,'u.')}) group by t.tagId`, [us]],
  ["facet topic US in", `select t.tagId, count(*) from ArticleTag t where t.tagId in (select id from Tag g where g.scheme='medtop' and g.parentId is null) and t.state in ('accepted','suggested') and t.articleId in (select u.articleId from ArticleTag u where u.tagId=? and ${FILED.replace(/t\./g,'u.')}) group by t.tagId`, [us]],
  ["facet place all", `select t.tagId, count(*) from ArticleTag t where t.tagId in (select id from Tag g where g.scheme='iso3166') and ${FILED} group by t.tagId`, []],
  ["facet place econ", `select t.tagId, count(*) from ArticleTag t where t.tagId in (select id from Tag g where g.scheme='iso3166') and ${FILED} and t.articleId in (select u.articleId from ArticleTag u where u.tagId=? and u.state in ('accepted','suggested')) group by t.tagId`, [econ]],
  ["facet status US", `select status, count(*) from Article a where a.id in (select t.articleId from ArticleTag t where t.tagId=? and ${FILED}) group by status`, [us]],
  ["dups union count", `select count(*) from Article a where a.id in (select articleId from DuplicateLink where state in ('suggested','confirmed') union select otherId from DuplicateLink where state in ('suggested','confirmed'))`, []],
  ["page status new", `select a.id from Article a where status='new' order by id desc limit 51`, []],
  ["page new US exists", `select a.id from Article a where status='new' and exists (select 1 from ArticleTag t where t.articleId=a.id and t.tagId=? and ${FILED}) order by a.id desc limit 51`, [us]],
  ["facet status all", `select status, count(*) from Article group by status`, []],
  ["facet source all", `select sourceId, count(*) from Article group by sourceId`, []],
  ["fts oil", `select count(*) from ArticleSearch where ArticleSearch match '"oil"*'`, []],
  ["page fts oil", `select a.id from Article a where a.id in (select rowid from ArticleSearch where ArticleSearch match '"oil"*') order by a.id desc limit 51`, []],
  ["dups count", `select count(*) from Article a where exists (select 1 from DuplicateLink l where l.articleId=a.id and l.state in ('suggested','confirmed')) or exists (select 1 from DuplicateLink l where l.otherId=a.id and l.state in ('suggested','confirmed'))`, []],
];
for (const [name, sql, args] of q) {
  const st = db.prepare(sql);
  st.all(...args);
  const t = performance.now();
  for (let i = 0; i < 5; i++) st.all(...args);
  console.log(name.padEnd(18), ((performance.now() - t) / 5).toFixed(1), "ms", JSON.stringify(st.all(...args)).slice(0, 80));
}
