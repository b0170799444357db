"""index.html of a folder run: an explorer that stays fast at a province's 1,000 letters.

One self-contained page (inline CSS, one small inline script, no network, works from file://):
a sticky toolbar (search over letters and item texts, a filter by relation and one by child
letter/district), a table of contents, a picture of the cascade (letters by tier, edges by evidence)
as inline SVG, the failures, a cascade tree that opens and closes, and per parent letter its item ×
child matrix: sticky headers, columns sortable, cells coloured by relation and saying where the item
went (→ I.2), per-child totals, links to the pair page and the .docx of every child.

The data travel inside the page as JSON (`<script type="application/json">`, with `<`, `>`, `&`
escaped so no letter text can close the element): letters and tree up front, one line per pair and
one per letter's units written as they come (the writer keeps only the small figures of the tree
and the picture). The script renders a matrix only when its section comes near the screen, and
the whole page before printing (then in tables of a few children each, one per printed page)."""

import base64
import gzip
import json
import re
import shutil
import tempfile
import zlib
from html import escape
from pathlib import Path
from typing import IO

from cascade.analysis import Pair
from cascade.reports.labels import LABELS, label
from cascade.reports.sink import RunInfo
from cascade.units import letter_units
from cascade.verdicts import VERDICT_ORDER, PairVerdicts
from models import Letter, LinkResult, NodeStatus
from models.corpus import LetterNode

TIER_ORDER = ("central", "province", "district", "commune", "unknown")
COLOURS = {"kept": "#c8ecc9", "localised": "#cfe0ff", "expanded": "#d9f2ee", "trimmed": "#ffe3b8",
           "paraphrased": "#f3e4ff", "modified": "#ffc9bf", "added": "#e6d8ff", "dropped": "#e4e4e4"}
EVIDENCE_STYLE = {"citation": ("#2b6cb0", ""), "near-citation": ("#c05621", "6 3"), "content": ("#718096", "2 3")}


def _json(value: object) -> str:
    """JSON safe inside a <script> element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


CSS = """
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,'Segoe UI',Roboto,Arial,sans-serif;margin:0;color:#1d232a;background:#fff}
main{max-width:1600px;margin:0 auto;padding:0 18px 60px}
h1{font-size:22px;margin:14px 0 4px}h2{font-size:18px;margin:26px 0 8px;border-bottom:1px solid #ddd}
h3{font-size:15px;margin:14px 0 6px}
a{color:#1b4fa0}.muted{color:#666}.id{font:12px ui-monospace,Consolas,monospace;color:#444}
.badge{display:inline-block;padding:0 7px;border-radius:9px;font-size:12px;background:#eee;margin-left:4px}
.tier-central{background:#e8dcff}.tier-province{background:#dbe9ff}.tier-district{background:#dcf5e6}
.tier-commune{background:#fff1cc}.st-exact{background:#dcf5dc}.st-near{background:#fff3c4}
.st-missing-in-folder{background:#fde2e1}.st-none{background:#eee}.flag{color:#8a1c17;font-size:12px}
#bar{position:sticky;top:0;z-index:20;background:#fbfcfd;border-bottom:1px solid #dde;padding:6px 18px;
 display:flex;flex-wrap:wrap;gap:8px;align-items:center}
#bar input,#bar select{font:inherit;padding:3px 6px;border:1px solid #bbc;border-radius:4px}
#q{width:min(420px,60vw)}#kid{width:min(220px,40vw)}
#hits{max-height:45vh;overflow:auto;border:1px solid #dde;border-radius:4px;padding:4px 10px;margin:6px 0;
 background:#fff}#hits:empty{display:none}#hits p{margin:3px 0}
nav.toc{columns:3 260px;font-size:13px;margin:6px 0}nav.toc a{display:block}nav.toc summary{cursor:pointer;color:#1b4fa0}
.legend span{display:inline-block;padding:1px 7px;margin:2px 6px 2px 0;border-radius:3px;font-size:12px;
 border:1px solid #0001}
""" + "".join(f".r-{k}{{background:{c}}}" for k, c in COLOURS.items()) + """
ul.tree{list-style:none;padding-left:18px;margin:2px 0;border-left:1px dotted #bbb}
ul.tree.top{border-left:0;padding-left:0}ul.tree li{margin:3px 0}
.tog{cursor:pointer;border:0;background:none;font:inherit;width:1.6em;padding:0;color:#446}
li.hit>.line{outline:2px solid #f6ad55;border-radius:3px}
.wrap{overflow:auto;max-height:80vh;border:1px solid #dde;margin:6px 0}
table{border-collapse:separate;border-spacing:0}
td,th{border-right:1px solid #e3e3e3;border-bottom:1px solid #e3e3e3;padding:3px 6px;vertical-align:top}
table.mx thead th{position:sticky;top:0;z-index:2;background:#f3f5f7;font-weight:600;text-align:left;
 min-width:130px;max-width:190px;font-size:12px;cursor:pointer}
table.mx th.item,table.mx td.item{position:sticky;left:0;z-index:1;background:#fff;min-width:280px;max-width:380px}
table.mx thead th.item{z-index:3;background:#f3f5f7}
table.mx td.c{font-size:12px;min-width:130px;max-width:190px}
table.mx td.c a{color:inherit;text-decoration:none;display:block}
table.mx tfoot td{background:#f7f7f9;font-size:12px;position:sticky;bottom:0}
table.mx td.dim{opacity:.25}tr.hidden,th.hidden,td.hidden{display:none}tr.hit td.item{outline:2px solid #f6ad55}
.mxs{min-height:120px}
table.plain td,table.plain th{border:1px solid #ddd}
svg{max-width:100%;height:auto;border:1px solid #eee;background:#fff}
.print-only{display:none}
@media print{#bar,#hits,.tog,nav.toc{display:none}.wrap{overflow:visible;max-height:none;border:0}
 table.mx thead th,table.mx td.item,table.mx tfoot td{position:static}
 .screen-only{display:none}.print-only{display:block}.chunk{break-inside:avoid;page-break-inside:avoid;
 margin-bottom:10px}h2{break-before:page}a{color:inherit;text-decoration:none}
 table.mx{font-size:10px}table.mx td.item{min-width:0;max-width:none}}
"""

SCRIPT = r"""
(function(){
'use strict';
const $=s=>document.querySelector(s), J=id=>JSON.parse(document.getElementById(id).textContent);
const L=J('d-labels'), letters=J('d-letters');
async function lines(id){const b64=document.getElementById(id).textContent.trim();if(!b64)return [];
  let bytes;if(Uint8Array.fromBase64)bytes=Uint8Array.fromBase64(b64);
  else{const raw=atob(b64);bytes=new Uint8Array(raw.length);for(let k=0;k<raw.length;k++)bytes[k]=raw.charCodeAt(k);}
  const text=await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
  return text.split('\n');}
let pairLines=[], unitLines=[];
const pairs={}, byParent={};
function indexPairs(){pairLines.forEach((line,k)=>{if(!line)return;const m=line.match(/^\[(\d+),(\d+)/);
  const p=+m[1],c=+m[2];(byParent[p]=byParent[p]||[]).push(k);pairs[p+'/'+c]=k;});}
const pcache={}, ucache={};
const pair=k=>pcache[k]||(pcache[k]=JSON.parse(pairLines[k]));
const units=i=>ucache[i]||(ucache[i]=unitLines[i]?JSON.parse(unitLines[i]):[]);
const t=k=>L[k]||k, pct=x=>Math.round(x*100)+'%';
function el(tag,attrs,...kids){const e=document.createElement(tag);
  for(const k in attrs||{}){if(k==='class')e.className=attrs[k];else if(k==='text')e.textContent=attrs[k];
    else e.setAttribute(k,attrs[k]);}
  for(const k of kids){if(k!=null)e.append(k);}return e;}
const state={rel:'',kid:''};
function kidMatches(i){if(!state.kid)return true;const l=letters[i];
  return [l.p,l.s,l.i].join(' ').toLowerCase().includes(state.kid);}
// --- the tree (as one HTML string: a thousand letters draw in a few milliseconds) ---
const esc=x=>String(x).replace(/&/g,'&amp;').replace(/</g,'&lt;').replace(/>/g,'&gt;').replace(/"/g,'&quot;');
function letterLine(i){const l=letters[i];
  let h='<span class="line"><span class="badge tier-'+esc(l.t)+'">'+esc(t(l.t))+'</span> <b>'+esc(l.i||'—')+'</b> '+
    esc(l.s||t('none'))+' <span class="muted">'+esc(l.d||'')+'</span> <span class="badge st-'+esc(l.cs)+'">'+
    esc(t('citation')+': '+t('cs_'+l.cs))+'</span> <span class="id">'+esc(l.p)+'</span>';
  for(const par of l.par){const k=pairs[par[0]+'/'+i];
    h+=' <span class="muted">'+esc('← '+t('ev_'+par[1])+' ('+par[2].toFixed(2)+')')+'</span>';
    if(k!==undefined){const m=pairLines[k].match(/^\[\d+,\d+,("(?:[^"\\]|\\.)*"|null),(\d)/);
      const name=m&&m[1]!=='null'?JSON.parse(m[1]):null;
      if(name)h+=' <a href="pairs/'+esc(name)+'.html">'+esc(t('pair'))+'</a>';
      if(name&&m[2]==='1')h+=' <a href="pairs/'+esc(name)+'.docx">.docx</a>';}}
  if(l.k.length)h+=' <a href="#m-'+i+'">'+esc(t('matrix_short')+' ('+l.k.length+')')+'</a>';
  for(const f of l.f)h+='<div class="flag">'+esc('⚠ '+f)+'</div>';
  return h+'</span>';}
function treeNode(i,depth,seen){const l=letters[i];
  if(seen.has(i))return '<li id="l-'+i+'"><span class="id">'+esc(l.p)+' (↻)</span></li>';
  const open=depth<1;let h='<li id="l-'+i+'"><button class="tog" type="button" aria-expanded="'+open+'">'+
    (l.k.length?(open?'▾':'▸'):'·')+'</button>'+letterLine(i);
  if(l.k.length){seen.add(i);h+='<ul class="tree"'+(open?'':' hidden')+'>';
    for(const c of l.k)h+=treeNode(c,depth+1,seen);h+='</ul>';seen.delete(i);}
  return h+'</li>';}
$('#tree-root').addEventListener('click',e=>{const b=e.target.closest('.tog');if(!b)return;
  const ul=b.parentElement.querySelector(':scope>ul');if(!ul)return;ul.hidden=!ul.hidden;
  b.textContent=ul.hidden?'▸':'▾';b.setAttribute('aria-expanded',String(!ul.hidden));});
function showLetter(i){const chain=[];let cur=i,guard=0;
  while(cur!==undefined&&guard++<20){chain.unshift(cur);const p=letters[cur].par[0];cur=p?p[0]:undefined;}
  for(const c of chain.slice(0,-1)){const li=document.getElementById('l-'+c);
    if(li){const b=li.querySelector(':scope>.tog');const ul=li.querySelector(':scope>ul');
      if(ul&&ul.hidden)b.click();}}
  const li=document.getElementById('l-'+i);if(li){document.querySelectorAll('li.hit').forEach(x=>x.classList.remove('hit'));
    li.classList.add('hit');li.scrollIntoView({block:'center'});}}
function drawTree(){$('#tree-root').innerHTML=J('d-roots').map(r=>treeNode(r,0,new Set())).join('');}
// --- matrices ---
function cellOf(pr,item){return pr[4].find(x=>x[0]===item);}
function matrix(p,sec,perTable){const kids=(byParent[p]||[]).map(pair);const items=units(p).filter(u=>u[2]);
  let cols=kids.filter(pr=>kidMatches(pr[1]));
  const sort=sec.dataset.sort||'';
  if(sort.startsWith('c')){}
  const rows=items.map(u=>u[0]);
  if(sort){const [k,dir]=sort.split(':');const pr=kids.find(x=>String(x[1])===k);
    if(pr)rows.sort((a,b)=>{const ca=cellOf(pr,a),cb=cellOf(pr,b);return (dir==='a'?1:-1)*((ca?ca[2]:0)-(cb?cb[2]:0));});}
  const text={};items.forEach(u=>text[u[0]]=u[1]);
  const out=[];const chunks=perTable?[]:[cols];
  if(perTable)for(let a=0;a<cols.length;a+=perTable)chunks.push(cols.slice(a,a+perTable));
  for(const chunk of chunks){const tbl=el('table',{class:'mx'});const thead=el('thead');const hr=el('tr');
    const ih=el('th',{class:'item',text:t('item')});ih.addEventListener('click',()=>{sec.dataset.sort='';render(sec,true);});
    hr.append(ih);
    for(const pr of chunk){const c=letters[pr[1]];const th=el('th',{title:c.p});
      th.append(el('div',{text:c.i||c.p}),el('div',{class:'id',text:(c.s||'')}),el('div',{class:'id',text:c.p}));
      const links=el('div');if(pr[2])links.append(el('a',{href:'pairs/'+pr[2]+'.html',text:t('pair')}),' ');
      if(pr[3])links.append(el('a',{href:'pairs/'+pr[2]+'.docx',text:'.docx'}));th.append(links);
      th.addEventListener('click',e=>{if(e.target.tagName==='A')return;
        const cur=sec.dataset.sort||'';sec.dataset.sort=pr[1]+(cur===pr[1]+':d'?':a':':d');render(sec,true);});
      hr.append(th);}
    thead.append(hr);tbl.append(thead);const tb=el('tbody');
    for(const id of rows){const tr=el('tr',{id:'r-'+p+'-'+id});
      const tx=text[id]||'';tr.append(el('td',{class:'item'},el('span',{class:'id',text:id}),' ',
        document.createTextNode(tx.length>140?tx.slice(0,139)+'…':tx)));
      let any=false;
      for(const pr of chunk){const cv=cellOf(pr,id);const rel=cv?cv[1]:'dropped';
        const td=el('td',{class:'c r-'+rel});
        const where=cv&&cv[4].length?' → '+cv[4].join(', '):'';
        const body=el('span');body.append(el('b',{text:t(rel)}),rel==='dropped'?'':' '+pct(cv[2]),where);
        const tip=[t('whole_item')+' '+id+': '+t(rel)+(rel==='dropped'?'':' '+pct(cv[2])+where)];
        if(cv)for(const u of cv[5])tip.push(u[0]+' → '+(u[1]||'—')+': '+t(u[2])+(u[1]?' '+pct(u[3]):''));
        td.title=tip.join('\n');td.dataset.rel=rel;
        if(pr[2]&&rel!=='dropped'){const a=el('a',{href:'pairs/'+pr[2]+'.html#p-'+id});a.append(body);td.append(a);}
        else td.append(body);
        if(state.rel&&rel!==state.rel)td.classList.add('dim');else any=true;
        tr.append(td);}
      if(state.rel&&!any)tr.classList.add('hidden');
      tb.append(tr);}
    tbl.append(tb);const tf=el('tfoot');const fr=el('tr');fr.append(el('td',{class:'item',text:t('totals')}));
    for(const pr of chunk){const counts=pr[6];const td=el('td');
      td.append(el('div',{text:t('retention')+' '+pct(pr[5])}));
      for(const r of L._order)if(counts[r])td.append(el('div',{class:'r-'+r,text:t(r)+': '+counts[r]}));
      fr.append(td);}
    tf.append(fr);tbl.append(tf);
    out.push(perTable?el('div',{class:'chunk'},tbl):el('div',{class:'wrap'},tbl));}
  return out;}
function localList(p){const kids=(byParent[p]||[]).map(pair).filter(pr=>kidMatches(pr[1]));const box=el('div');
  box.append(el('h3',{text:t('local_additions')}));const tbl=el('table',{class:'plain'});
  for(const pr of kids){const c=letters[pr[1]];const td=el('td');
    for(const u of pr[7]){const p2=el('p');p2.append(el('span',{class:'id',text:u[0]}),' '+u[1]);td.append(p2);}
    if(!pr[7].length)td.textContent=t('none');
    tbl.append(el('tr',{},el('th',{text:(c.i||'')+' '+(c.s||c.p)}),td));}
  box.append(tbl);return box;}
function render(sec,force){if(sec.dataset.done&&!force)return;sec.dataset.done='1';const p=+sec.dataset.p;
  sec.textContent='';for(const x of matrix(p,sec,0))sec.append(x);sec.append(localList(p));}
const secs=[...document.querySelectorAll('.mxs')];
function watch(){secs.slice(0,2).forEach(s=>render(s));
  if('IntersectionObserver' in window){const io=new IntersectionObserver(es=>{for(const e of es)if(e.isIntersecting){
    render(e.target);io.unobserve(e.target);}},{rootMargin:'800px'});secs.forEach(s=>io.observe(s));}
  else secs.forEach(s=>render(s));}
window.addEventListener('hashchange',()=>{const m=location.hash.match(/^#l-(\d+)$/);if(m)showLetter(+m[1]);});
function rerender(){secs.forEach(s=>{if(s.dataset.done)render(s,true);});}
window.addEventListener('beforeprint',()=>{document.querySelectorAll('.pr').forEach(x=>x.remove());
  secs.forEach(s=>{render(s);const box=el('div',{class:'print-only pr'});
    for(const x of matrix(+s.dataset.p,s,6))box.append(x);s.after(box);s.classList.add('screen-only');});});
$('#rel').addEventListener('change',e=>{state.rel=e.target.value;rerender();});
$('#kid').addEventListener('input',e=>{state.kid=e.target.value.trim().toLowerCase();rerender();
  document.querySelectorAll('#tree-root li').forEach(li=>{const i=+li.id.slice(2);
    li.classList.toggle('hit',!!state.kid&&kidMatches(i));});});
// --- search ---
function norm(s){return s.normalize('NFD').replace(/[\u0300-\u036f]/g,'').replace(/đ/g,'d').replace(/Đ/g,'D').toLowerCase();}
let timer=0;
$('#q').addEventListener('input',e=>{clearTimeout(timer);timer=setTimeout(()=>search(e.target.value),120);});
function search(q){const hits=$('#hits');hits.textContent='';q=norm(q.trim());if(q.length<2)return;
  let n=0;const max=60;
  letters.forEach((l,i)=>{if(n>=max)return;if(norm([l.p,l.s,l.i,l.j].join(' ')).includes(q)){n++;
    const a=el('a',{href:'#l-'+i,text:(l.s||l.p)+' · '+(l.i||'')});a.addEventListener('click',ev=>{ev.preventDefault();showLetter(i);});
    hits.append(el('p',{},el('span',{class:'badge',text:t('letter')}),' ',a,' ',el('span',{class:'id',text:l.p})));}});
  let m=0;
  for(let i=0;i<letters.length&&m<max;i++){for(const u of units(i)){if(m>=max)break;
    if(norm(u[1]).includes(q)){m++;const l=letters[i];const p2=el('p');
      p2.append(el('span',{class:'badge',text:t('item')}),' ',el('span',{class:'id',text:(l.s||l.p)+' #'+u[0]}),' ');
      const k=l.par.length?pairs[l.par[0][0]+'/'+i]:undefined;
      const pr=k!==undefined?pair(k):null;
      const txt=u[1].length>160?u[1].slice(0,159)+'…':u[1];
      if(pr&&pr[2])p2.append(el('a',{href:'pairs/'+pr[2]+'.html#c-'+u[0],text:txt}));
      else if(l.k.length)p2.append(el('a',{href:'#m-'+i,text:txt}));else p2.append(txt);
      if(l.k.length)p2.append(' ',el('a',{href:'#m-'+i,text:t('matrix_short')}));
      hits.append(p2);}}}
  if(!n&&!m)hits.append(el('p',{class:'muted',text:t('no_hits')}));}
Promise.all([lines('d-pairs'),lines('d-units')]).then(([p,u])=>{pairLines=p;unitLines=u;indexPairs();drawTree();watch();
  if(location.hash.startsWith('#l-'))showLetter(+location.hash.slice(3));
  else if(location.hash){const t=document.getElementById(location.hash.slice(1));if(t)t.scrollIntoView();}
  document.body.dataset.readyMs=String(Math.round(performance.now()));document.body.dataset.ready='1';});
})();
"""


class Explorer:
    """Streams the explorer's data to temporary files and assembles index.html at the end."""

    NAME = "index.html"

    def __init__(self, folder: Path, lang: str) -> None:
        self.folder, self.lang = folder, lang
        self.tmp = Path(tempfile.mkdtemp(prefix=".explorer-", dir=folder))
        self.pairs_file: IO[str] = (self.tmp / "pairs").open("w", encoding="utf-8")
        self.units_file: IO[str] = (self.tmp / "units").open("w", encoding="utf-8")
        self.index: dict[str, int] = {}
        self.order: list[str] = []
        self.pair_meta: list[tuple[str, str, float]] = []

    def _letter_index(self, path: str) -> int:
        if path not in self.index:
            self.index[path] = len(self.order)
            self.order.append(path)
        return self.index[path]

    def add_letter(self, node: LetterNode, letter: Letter | None) -> None:
        i = self._letter_index(node.path)
        while i > 0 and self._units_written < i:
            self.units_file.write("\n")
            self._units_written += 1
        rows = [[u.id, u.text, int(u.is_item)] for u in letter_units(letter)] if letter else []
        self.units_file.write(_json(rows) + "\n")
        self._units_written = i + 1

    _units_written = 0

    def add_pair(self, pair: Pair, result: LinkResult, verdicts: PairVerdicts) -> None:
        p, c = self.index[pair[0]], self.index[pair[1]]
        texts = {u.id: u.text for u in letter_units(result.child)}
        items = [[v.item, v.relation.value, v.kept_share, v.added_share, list(v.child_items),
                  [[u.parent, u.child, u.relation.value, u.kept_share] for u in v.units]] for v in verdicts.items]
        local = [[uid, texts.get(uid, "")] for uid in result.added]
        # name and file flags are filled in by position in finish(); here the figures
        row = [p, c, None, None, items, verdicts.retention, verdicts.item_counts(), local]
        self.pairs_file.write(_json(row) + "\n")
        self.pair_meta.append((pair[0], pair[1], verdicts.retention))

    def finish(self, run: RunInfo) -> list[str]:
        self.pairs_file.close()
        self.units_file.close()
        lang = run.lang
        t = lambda key: escape(label(key, lang))  # noqa: E731
        nodes = run.nodes
        for path in nodes:
            self._letter_index(path)
        letters = []
        for path in self.order:
            n = nodes[path]
            letters.append({"p": n.path, "s": n.symbol or "", "i": n.issuer or "", "t": n.tier.value,
                            "d": n.date or "", "j": n.subject or "", "cs": n.citation_status.value,
                            "f": [translate_flag(f, lang) for f in n.flags],
                            "par": [[self.index[x.parent], x.evidence.value, x.confidence] for x in n.parents
                                    if x.parent in self.index],
                            "k": [self.index[c] for c in n.children if c in self.index]})
        from cascade.corpus import TIER_RANK

        roots = sorted((p for p, n in nodes.items() if n.status is NodeStatus.PARSED and not n.parents),
                       key=lambda p: (TIER_RANK.get(nodes[p].tier, 9), p))
        labels = {k: label(k, lang) for k in LABELS["en"]}
        labels["_order"] = [v.value for v in VERDICT_ORDER]  # type: ignore[assignment]
        parsed = [n for n in nodes.values() if n.status is NodeStatus.PARSED]
        failures = [n for n in nodes.values() if n.status is NodeStatus.FAILED]
        out = (self.folder / self.NAME).open("w", encoding="utf-8")
        try:
            w = out.write
            w(f'<!DOCTYPE html><html lang="{escape(lang)}"><head><meta charset="utf-8">'
              '<meta name="viewport" content="width=device-width, initial-scale=1">'
              f"<title>{t('title')}</title><style>{CSS}</style></head><body>")
            w(f'<div id="bar"><input id="q" type="search" placeholder="{t("search_placeholder")}" '
              f'aria-label="{t("search_placeholder")}"><select id="rel" aria-label="{t("filter_relation")}">'
              f'<option value="">{t("filter_relation")}: {t("all")}</option>'
              + "".join(f'<option value="{v.value}">{t(v.value)}</option>' for v in VERDICT_ORDER)
              + f'</select><input id="kid" type="search" placeholder="{t("filter_child")}" '
              f'aria-label="{t("filter_child")}"></div><main>')
            w(f"<h1>{t('title')}</h1>")
            w(f'<p class="muted">{escape(run.root)} · {len(parsed)} {t("parsed")}, {len(failures)} {t("failed")}, '
              f"{len(self.pair_meta)} {t('pairs_linked')}</p>")
            w('<div id="hits" aria-live="polite"></div>')
            downloads = [f for f in run.files if f != self.NAME]
            if downloads:
                w(f"<p>{t('downloads')}: " + " · ".join(f'<a href="{escape(f, quote=True)}">{escape(f)}</a>'
                                                       for f in downloads) + "</p>")
            parents = [p for p in self.order if nodes[p].status is NodeStatus.PARSED and any(
                c in self.index for c in nodes[p].children) and p in {a for a, _, _ in self.pair_meta}]
            w(f'<nav class="toc"><b>{t("contents")}</b><a href="#legend">{t("legend")}</a>'
              f'<a href="#picture">{t("picture")}</a>'
              + (f'<a href="#failures">{t("failures")}</a>' if failures else "")
              + f'<a href="#tree">{t("tree")}</a>'
              + (f'<details{" open" if len(parents) <= 12 else ""}><summary>{t("matrix")} ({len(parents)})</summary>'
                 + "".join(f'<a href="#m-{self.index[p]}">{escape(nodes[p].symbol or p)} '
                           f'<span class="id">{escape(p)}</span></a>' for p in parents) + "</details>"
                 if parents else "") + "</nav>")
            w(f'<h2 id="legend">{t("legend")}</h2><p class="legend">'
              + "".join(f'<span class="r-{v.value}" title="{t("def_" + v.value)}">{t(v.value)}</span>'
                        for v in VERDICT_ORDER) + "</p>")
            w(f'<p class="muted">{t("legend_note")}</p>')
            w(f'<h2 id="picture">{t("picture")}</h2>')
            w(cascade_svg(self.order, nodes, self.index, lang))
            if failures:
                w(f'<h2 id="failures">{t("failures")}</h2><table class="plain"><tr><th>{t("file")}</th>'
                  f"<th>{t('reason')}</th></tr>")
                for n in failures:
                    w(f'<tr><td class="id">{escape(n.path)}</td><td>{escape(translate_error(n.error or "", lang))}'
                      "</td></tr>")
                w("</table>")
            w(f'<h2 id="tree">{t("tree")}</h2><ul class="tree top" id="tree-root"></ul>')
            for p in parents:
                n = nodes[p]
                i = self.index[p]
                w(f'<h2 id="m-{i}">{escape(n.symbol or p)} <span class="id">{escape(p)}</span></h2>'
                  f'<p class="muted">{escape(n.issuer or "")} · {len(n.children)} {t("children")}</p>'
                  f'<div class="mxs" data-p="{i}"><p class="muted">{t("loading")}</p></div>')
            w("</main>")
            w(f'<script type="application/json" id="d-labels">{_json(labels)}</script>')
            w(f'<script type="application/json" id="d-letters">{_json(letters)}</script>')
            w(f'<script type="application/json" id="d-roots">{_json([self.index[r] for r in roots])}</script>')
            packer = _Packed(out)
            w(f'<script type="{PACKED_TYPE}" id="d-pairs">')
            with (self.tmp / "pairs").open(encoding="utf-8") as f:
                for k, line in enumerate(f):
                    parent, child, _ = self.pair_meta[k]
                    name = run.names.get((parent, child))
                    html = _json(name) if name and "pairs" in run.formats else "null"
                    docx = "1" if name and "docx" in run.formats else "0"
                    head, _, rest = line.partition(",null,null,")
                    packer.write(f"{head},{html},{docx},{rest}")
            packer.close()
            w(f'</script><script type="{PACKED_TYPE}" id="d-units">')
            packer = _Packed(out)
            with (self.tmp / "units").open(encoding="utf-8") as f:
                for line in f:
                    packer.write(line)
            packer.close()
            w(f"</script><script>{SCRIPT}</script></body></html>\n")
        finally:
            out.close()
            shutil.rmtree(self.tmp, ignore_errors=True)
        return [self.NAME]


# The bulky data (one JSON line per pair and per letter's units) travel gzip-compressed in base64:
# a sixth of the bytes for the browser to parse, inflated by the page with DecompressionStream.
PACKED_TYPE = "application/x-cascade-jsonl+gzip+base64"


class _Packed:
    """Gzip a stream of text lines into base64 as they come."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.zip = zlib.compressobj(6, zlib.DEFLATED, 31)
        self.pending = b""

    def _emit(self, data: bytes, final: bool = False) -> None:
        data = self.pending + data
        cut = len(data) if final else len(data) - len(data) % 57
        if cut:
            self.out.write(base64.b64encode(data[:cut]).decode("ascii"))
        self.pending = data[cut:]

    def write(self, text: str) -> None:
        self._emit(self.zip.compress(text.encode("utf-8")))

    def close(self) -> None:
        self._emit(self.zip.flush(), final=True)


def unpack(block: str) -> list[str]:
    """The lines of a packed data block (for tests and tools reading index.html)."""
    return gzip.decompress(base64.b64decode(block.strip())).decode("utf-8").split("\n") if block.strip() else []


def cascade_svg(order: list[str], nodes: dict[str, LetterNode], index: dict[str, int], lang: str) -> str:
    """Letters as dots in one row per tier, in tree order; edges coloured and dashed by evidence."""
    parsed = [p for p in order if nodes[p].status is NodeStatus.PARSED]
    if not parsed:
        return ""
    tiers = [tier for tier in TIER_ORDER if any(nodes[p].tier.value == tier for p in parsed)]
    rows = {tier: [] for tier in tiers}  # type: dict[str, list[str]]
    seen: set[str] = set()

    def visit(path: str) -> None:
        if path in seen:
            return
        seen.add(path)
        rows[nodes[path].tier.value].append(path)
        for c in nodes[path].children:
            if c in nodes and nodes[c].status is NodeStatus.PARSED:
                visit(c)

    from cascade.corpus import TIER_RANK

    for p in sorted((p for p in parsed if not nodes[p].parents), key=lambda p: (TIER_RANK.get(nodes[p].tier, 9), p)):
        visit(p)
    for p in parsed:
        visit(p)
    width = max(760, min(1500, 12 * max(len(r) for r in rows.values()) + 160))
    height = 70 * len(tiers) + 30
    pos: dict[str, tuple[float, float]] = {}
    for k, tier in enumerate(tiers):
        members = rows[tier]
        step = (width - 170) / max(1, len(members))
        for j, path in enumerate(members):
            pos[path] = (160 + step * (j + 0.5), 35 + 70 * k)
    radius = 5 if max(len(r) for r in rows.values()) < 120 else 2.5
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
           f'height="{height}" role="img" aria-label="{escape(label("picture", lang), quote=True)}">']
    for k, tier in enumerate(tiers):
        out.append(f'<text x="8" y="{39 + 70 * k}" font-size="13" fill="#333">{escape(label(tier, lang))} '
                   f"({len(rows[tier])})</text>")
    for path in parsed:
        for link in nodes[path].parents:
            if link.parent not in pos or path not in pos:
                continue
            (x1, y1), (x2, y2) = pos[link.parent], pos[path]
            colour, dash = EVIDENCE_STYLE.get(link.evidence.value, ("#999", ""))
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
                       f'stroke-width="1"{dash_attr} opacity="0.7"/>')
    for path, (x, y) in pos.items():
        n = nodes[path]
        title = escape(" · ".join(x for x in (n.symbol, n.issuer, path) if x))
        out.append(f'<a href="#l-{index[path]}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{radius}" fill="#2d3748">'
                   f"<title>{title}</title></circle></a>")
    ly = height - 10
    lx = 160
    for evidence, (colour, dash) in EVIDENCE_STYLE.items():
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<line x1="{lx}" y1="{ly - 4}" x2="{lx + 30}" y2="{ly - 4}" stroke="{colour}" stroke-width="2"'
                   f"{dash_attr}/><text x=\"{lx + 36}\" y=\"{ly}\" font-size=\"12\">"
                   f"{escape(label('ev_' + evidence, lang))}</text>")
        lx += 190
    out.append("</svg>")
    return "".join(out)


_FLAG_DETAILS = {
    "vi": [(re.compile(r"^ cites (.+), which is not in the folder$"), r" trích dẫn \1, văn bản này không có trong thư mục"),
           (re.compile(r"^ cites (.+) but the folder has (.+)$"), r" trích dẫn \1 nhưng thư mục có \2"),
           (re.compile(r"^ (\d+%) of its local text is also in (.+)$"),
            r" \1 nội dung địa phương trùng với \2")],
}


def translate_flag(flag: str, lang: str) -> str:
    """A flag ('code: detail', as cascade.corpus writes it) in the report language."""
    code, sep, detail = flag.partition(":")
    key = "flag_" + code.strip()
    named = label(key, lang)
    if named == key:
        return flag
    for pattern, replacement in _FLAG_DETAILS.get(lang, []):
        if pattern.match(detail):
            detail = pattern.sub(replacement, detail)
            break
    return f"{named}{sep}{detail}"


def translate_error(error: str, lang: str) -> str:
    """A parser's reason with its known opening in the report language."""
    from cascade.reports.labels import ERROR_PREFIXES

    for english, translated in ERROR_PREFIXES.get(lang, {}).items():
        if error.startswith(english):
            return translated + error[len(english):]
    return error
