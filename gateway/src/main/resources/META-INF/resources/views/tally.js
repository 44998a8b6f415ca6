// The tally as the services compute it, shown the same way to scrutineers, the working group and owners.
import { h, t } from '../app.js';

/** The tally's heading, ledger hash, counting progress and the table of candidates. */
export function tallySection(view, names) {
  const tally = view.tally;
  const nodes = [h('h2', { text: t('tally') + (view.provisional ? ' (' + t('provisional') + ')' : '') }),
    h('p', {}, t('ledgerHash') + ': ', h('span', { class: 'mono', id: 'ledger-hash', text: view.ledgerHash || '—' })),
    h('p', { text: t('countingProgress', view.counting.countedPaper, view.counting.returnedPaper, view.counting.conflicts, view.counting.online) })];
  if (tally) {
    nodes.push(h('p', { text: t('participation', tally.participation.headcount, tally.electorate.headcount, tally.participationHeadsPercent,
      tally.participation.area, tally.electorate.area, tally.participationAreaPercent) }),
    h('table', {}, h('thead', {}, h('tr', {}, [t('name'), t('heads'), '%', t('area'), '%', t('outcome')].map(x => h('th', { text: x })))),
      h('tbody', {}, tally.candidates.map(c => h('tr', {}, [names[c.candidateId] || c.candidateId, c.approvingHeads, c.headsPercent, c.approvingArea, c.areaPercent, t('out.' + c.outcome)]
        .map(x => h('td', { text: String(x) })))))));
  }
  return nodes;
}
