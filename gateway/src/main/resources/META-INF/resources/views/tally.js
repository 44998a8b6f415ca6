// The tally as ballot-service computes it (GET /api/elections/{eid}/tally), shown the same way to scrutineers, the
// working group and owners: participation against the two-thirds quorum, each candidate's approvals by headcount
// and by area against the threshold, with a bar each (plain CSS), who is elected, alternates, vacancies, motions.
// Nothing is computed here but shares for the bars: every figure and outcome is the service's.
import { h, t } from '../app.js';

/** A bar of a share in percent, with the threshold marked; the figure itself is in the text beside it. */
function bar(percent, kind) {
  const fill = h('span', { class: 'fill' });
  fill.style.width = Math.max(0, Math.min(100, Number(percent) || 0)) + '%'; // CSSOM, not a style attribute: CSP allows it
  return h('span', { class: 'meter ' + kind, 'aria-hidden': 'true' }, fill, h('span', { class: 'threshold' }));
}

const pct = value => (value === null || value === undefined ? '—' : String(value)) + '%';

/**
 * The tally's sections. names: candidate and motion ids to their names. Options: staff (show the ledger hash and
 * counting progress), id (the table's id), summaryOnly (participation and the verdict, no candidates).
 */
export function tallySection(view, names, options = {}) {
  const { staff = true } = options;
  const tally = view.tally;
  const nodes = [h('h2', { id: 'tally-title', text: t('tally') + (view.provisional ? '（' + t('provisional') + '）' : '（' + t('final') + '）') })];
  if (staff) {
    nodes.push(h('p', {}, t('ledgerHash') + ': ', h('span', { class: 'mono', id: 'ledger-hash', text: view.ledgerHash || '—' })),
      h('p', { text: t('countingProgress', view.counting.countedPaper, view.counting.returnedPaper, view.counting.conflicts, view.counting.online) }));
  }
  if (!tally) return nodes;
  const q = tally.quorum || {};
  nodes.push(h('p', { id: 'participation', text: t('participation', tally.participation.headcount, tally.electorate.headcount,
    tally.participationHeadsPercent, tally.participation.area, tally.electorate.area, tally.participationAreaPercent) }),
  h('p', { id: 'quorum', class: q.met ? 'verdict ok' : 'verdict no', text: q.met ? t('quorumMet')
    : t('quorumNotMet', q.headcountMet ? t('quorumPartOk') : t('quorumPartNo'), q.areaMet ? t('quorumPartOk') : t('quorumPartNo')) }),
  h('p', { class: 'muted', text: t('thresholdHelp') }));
  if (options.summaryOnly) return nodes; // participation and verdict only (a reader who may not see the names)

  // candidates: one row each, heads and area with their bars, the outcome in words
  const rows = tally.candidates.map(c => h('tr', { class: 'out-' + String(c.outcome).toLowerCase(), 'data-candidate': c.candidateId },
    h('th', { scope: 'row', class: 'name', text: names[c.candidateId] || t('unknownCandidate') }),
    h('td', { class: 'figure', 'data-label': t('approvingHeads') }, h('span', { class: 'num', text: String(c.approvingHeads) + ' ' + t('personsUnit') + ' · ' + pct(c.headsPercent) }), bar(c.headsPercent, 'heads')),
    h('td', { class: 'figure', 'data-label': t('approvingArea') }, h('span', { class: 'num', text: String(c.approvingArea) + ' ㎡ · ' + pct(c.areaPercent) }), bar(c.areaPercent, 'area')),
    h('td', { class: 'outcome', text: t('out.' + c.outcome) })));
  nodes.push(h('p', { class: 'muted', text: t('tallyCaption') }), h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': t('tallyCaption') }, h('table', { class: 'tally', id: options.id || 'tally-table' },
    h('thead', {}, h('tr', {}, [t('name'), t('approvingHeads'), t('approvingArea'), t('outcome')].map(x => h('th', { scope: 'col', text: x })))),
    h('tbody', {}, rows))));

  const list = ids => ids && ids.length ? ids.map(id => names[id] || t('unknownCandidate')).join('、') : t('none');
  nodes.push(h('dl', { class: 'result-summary', id: 'result-summary' },
    h('dt', { text: t('electedList') }), h('dd', { id: 'elected', text: list(tally.elected) }),
    h('dt', { text: t('alternatesList') }), h('dd', { text: list(tally.alternates) }),
    h('dt', { text: t('vacancies') }), h('dd', { text: tally.vacancies ? t('vacanciesText', tally.vacancies) : t('none') })));
  const open = (tally.ties || []).filter(x => !x.drawn);
  if (open.length) nodes.push(h('p', { class: 'verdict no', id: 'tie-open', text: t('tieOpen', open.map(x => list(x.candidateIds)).join('；')) }));

  if (tally.motions && tally.motions.length) {
    nodes.push(h('h3', { text: t('motions') }), h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': t('motions') }, h('table', { class: 'tally', id: 'motions-table' },
      h('thead', {}, h('tr', {}, [t('motion'), t('thresholdCol'), t('approvingHeads'), t('approvingArea'), t('outcome')].map(x => h('th', { scope: 'col', text: x })))),
      h('tbody', {}, tally.motions.map(m => h('tr', {}, h('th', { scope: 'row', class: 'name', text: names[m.motionId] || '—' }),
        h('td', { class: 'needed', 'data-label': t('thresholdCol'), text: t('thr.' + m.threshold) }),
        h('td', { class: 'figure', 'data-label': t('approvingHeads') }, h('span', { class: 'num', text: m.approvingHeads + ' ' + t('personsUnit') + ' · ' + pct(m.headsPercent) }), bar(m.headsPercent, 'heads' + (m.threshold === 'SPECIAL' ? ' special' : ''))),
        h('td', { class: 'figure', 'data-label': t('approvingArea') }, h('span', { class: 'num', text: m.approvingArea + ' ㎡ · ' + pct(m.areaPercent) }), bar(m.areaPercent, 'area' + (m.threshold === 'SPECIAL' ? ' special' : ''))),
        h('td', { class: 'outcome', text: m.passes ? t('motionPassed') : t('motionFailed') })))))));
  }
  return nodes;
}

// ---------- CSV downloads: opened by a spreadsheet as they are (UTF-8 with BOM), every cell spreadsheet-safe ----------

const cell = value => {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = "'" + text; // never a formula
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
};
export const csvText = rows => '\uFEFF' + rows.map(r => r.map(cell).join(',')).join('\r\n') + '\r\n';

export function resultsCsv(view, names) {
  const tally = view.tally;
  const rows = [[t('name'), t('approvingHeads'), t('headsShare'), t('approvingArea'), t('areaShare'), t('outcome')]];
  tally.candidates.forEach(c => rows.push([names[c.candidateId] || c.candidateId, c.approvingHeads, c.headsPercent, c.approvingArea, c.areaPercent, t('out.' + c.outcome)]));
  (tally.motions || []).forEach(m => rows.push([names[m.motionId] || m.motionId, m.approvingHeads, m.headsPercent, m.approvingArea, m.areaPercent,
    (m.passes ? t('motionPassed') : t('motionFailed')) + '（' + t('thr.' + m.threshold) + '）']));
  rows.push([], [t('participationCsv'), tally.participation.headcount + '/' + tally.electorate.headcount, tally.participationHeadsPercent,
    tally.participation.area + '/' + tally.electorate.area, tally.participationAreaPercent, tally.quorum.met ? t('quorumMet') : t('quorumNotMetShort')],
  [t('ledgerHash'), view.ledgerHash || ''], [t('tallyState'), view.provisional ? t('provisional') : t('final')]);
  return csvText(rows);
}

export function turnoutCsv(progress) {
  const rows = [[t('building'), t('units'), t('st.ISSUED'), t('st.HANDED_OUT'), t('st.UNDELIVERABLE'), t('st.RETURNED'), t('st.CAST_ONLINE'), t('turnoutShare')]];
  progress.buildings.forEach(r => {
    const voted = r.returned + r.castOnline;
    rows.push([r.building, r.units, r.issued, r.handedOut, r.undeliverable, r.returned, r.castOnline, r.units ? (voted * 100 / r.units).toFixed(1) : '0.0']);
  });
  return csvText(rows);
}
