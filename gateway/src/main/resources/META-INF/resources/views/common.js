// What several screens share: the phase timeline, the values the services take, labels for enum values, and dates as the
// law states them. Nothing here talks to the API.
import { h, t, hasText } from '../app.js';

// The phases and which may come next are the election's own (election-service's PhaseMachine, in the election
// view as phases and nextPhases): the client keeps no copy of the phase rules.

export const MARKS = ['APPROVE', 'OPPOSE', 'ABSTAIN'];
export const SIGNATURES = ['OWNER', 'PROXY_WITH_AUTHORIZATION', 'PROXY_WITHOUT_AUTHORIZATION', 'NONE'];
// what the ballot-service takes for a handout and an undeliverable ballot (BallotSteps)
export const RELATIONS = ['OWNER', 'FAMILY', 'PROXY', 'OTHER'];
export const METHODS = ['IN_PERSON', 'MAILBOX', 'LEFT_AT_DOOR'];
export const REASONS = ['VACANT', 'REFUSED', 'NO_CONTACT', 'OTHER'];

/** An enum value by its label; a value with no label (free text, say) as it is. */
export const label = (prefix, value) => prefix && hasText(prefix + value) ? t(prefix + value) : value;

/** ballot-service keeps an undeliverable ballot's reason as "REFUSED" or "REFUSED: the note". */
export const whyText = reason => {
  const at = reason.indexOf(': ');
  return at < 0 ? label('why.', reason) : label('why.', reason.slice(0, at)) + '：' + reason.slice(at + 2);
};

export const when = iso => iso ? new Date(iso).toLocaleString(t('locale'), { timeZone: 'Asia/Shanghai' }) : '—';

/**
 * A deadline or the end of a period as the law states it (docs/rules/periods.md): 24:00 of its last day, Beijing
 * time — 2026年12月16日24时 / 24:00 on 16 December 2026, Beijing time — never 00:00 of the next day.
 */
export const deadline = iso => {
  if (!iso) return '—';
  const parts = {};
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso))
    .forEach(p => { parts[p.type] = Number(p.value); });
  let { year, month, day, hour, minute } = parts;
  if (hour === 0 && minute === 0) {
    const last = new Date(Date.UTC(year, month - 1, day - 1));
    [year, month, day, hour] = [last.getUTCFullYear(), last.getUTCMonth() + 1, last.getUTCDate(), 24];
  }
  const mm = String(minute).padStart(2, '0');
  if (t('lang') === 'zh') return `${year}年${month}月${day}日${hour}时${minute ? minute + '分' : ''}`;
  const monthName = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return `${String(hour).padStart(2, '0')}:${mm} on ${day} ${monthName} ${year}, Beijing time`;
};

/** Saves text as a file the browser downloads (no page is opened). */
export function download(fileName, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}


/**
 * The election's phases as a timeline with the current one marked: election-service gives the path (for a failed
 * election, the phases it went through and then 选举终止 as the current one).
 */
export function phaseTimeline(phases, phase) {
  const index = phases.indexOf(phase);
  return h('ol', { class: 'timeline', 'aria-label': t('phases') }, phases.map((p, i) =>
    h('li', { class: (i < index ? 'done' : i === index ? 'current' : '') + (p === 'FAILED' ? ' failed' : ''),
      'aria-current': i === index ? 'step' : null }, t('ph.' + p))));
}

/** One step of a ballot's trail in words: when, what, who received it, how, through which channel, why. */
export const trailText = s => when(s.at) + ' ' + label('act.', s.action)
  + (s.recipientName ? ' · ' + s.recipientName : '') + (s.relation ? ' · ' + label('rel.', s.relation) : '')
  + (s.method ? ' · ' + label('how.', s.method) : '')
  + (s.channel && !(s.action === 'CAST' && s.channel === 'ONLINE') ? ' · ' + label('ch.', s.channel) : '') // an online vote says so once
  + (s.reason ? ' · ' + (s.action === 'UNDELIVERABLE' ? whyText(s.reason) : s.reason) : '');
