// Choosing from the community's roster instead of typing: buildings (with their unit counts, in the roster's
// natural order), and a unit found by a search (unit number or an owner's name) or by building then unit, then
// one of its owners. What is typed by hand can be misspelt; what is chosen from the roster cannot.
import { h, field, api, t } from '../app.js';

/** The roster's buildings, [{building, units}] in natural order; [] when the roster is empty or cannot be read. */
export const rosterBuildings = cid => api('GET', `/api/communities/${cid}/roster/buildings`).catch(() => []);

/** Owners of a unit as the roster keeps them: one text, separated by ';' (or a full-width '；'). */
export const ownersOf = unit => String(unit.owners || '').split(/[;；]/).map(x => x.trim()).filter(Boolean);

/**
 * Check boxes, one per building of the roster with its number of units. chosen: buildings checked at first; one
 * not on the roster (an older account) is shown checked and marked, so that it can be unticked. Returns { el, values }.
 */
export function buildingChooser(buildings, chosen = [], name = 'buildings') {
  const onRoster = new Set(buildings.map(b => b.building));
  const rows = [...buildings.map(b => ({ building: b.building, text: t('buildingUnits', b.building, b.units) })),
    ...chosen.filter(b => !onRoster.has(b)).map(b => ({ building: b, text: t('buildingNotOnRoster', b) }))];
  const boxes = rows.map(r => h('input', { type: 'checkbox', name, value: r.building, checked: chosen.includes(r.building) }));
  const el = h('fieldset', { class: 'building-choice', 'data-chooser': name }, h('legend', { text: t('chooseBuildings') }),
    rows.length === 0 ? h('p', { class: 'muted', text: t('noBuildingsOnRoster') })
      : h('div', { class: 'building-grid' }, rows.map((r, i) => h('label', {}, boxes[i], r.text))));
  return { el, values: () => boxes.filter(b => b.checked).map(b => b.value) };
}

/**
 * A unit of the roster: found by a search (its number or an owner's name) or chosen by building, then unit.
 * onPick(unit) runs with the roster's unit ({building, unit, owners, …}) each time one is chosen.
 */
export function unitPicker(cid, buildings, { name, legend, onPick }) {
  const query = h('input', { type: 'search', name: name + '-q', autocomplete: 'off', maxlength: 50, placeholder: t('unitSearchHint'),
    onkeydown: ev => { if (ev.key === 'Enter') { ev.preventDefault(); search(); } } });
  const found = h('div', { class: 'unit-results', 'data-results': name, 'aria-live': 'polite' });
  const building = h('select', { name: name + '-building' }, h('option', { value: '' }, t('chooseOne')),
    buildings.map(b => h('option', { value: b.building }, t('buildingUnits', b.building, b.units))));
  const unit = h('select', { name: name + '-unit', disabled: true }, h('option', { value: '' }, t('chooseBuildingFirst')));
  let units = []; // the chosen building's units

  const describe = u => u.building + ' ' + u.unit + (ownersOf(u).length ? ' · ' + ownersOf(u).join('、') : '');

  async function loadBuilding(b) {
    units = [];
    unit.replaceChildren(h('option', { value: '' }, b ? t('loading') : t('chooseBuildingFirst')));
    unit.disabled = true;
    if (!b) return;
    for (let page = 0; page < 20; page++) { // a building of more than 500 units comes in several pages
      const result = await api('GET', `/api/communities/${cid}/roster?building=${encodeURIComponent(b)}&page=${page}&size=500`);
      units.push(...result.items);
      if (units.length >= result.total || result.items.length === 0) break;
    }
    unit.replaceChildren(h('option', { value: '' }, t('chooseOne')), ...units.map((u, i) => h('option', { value: String(i) }, describe(u).replace(b + ' ', ''))));
    unit.disabled = false;
  }

  building.addEventListener('change', () => loadBuilding(building.value).catch(() => null));
  unit.addEventListener('change', () => { const u = units[Number(unit.value)]; if (unit.value !== '' && u) onPick(u); });

  async function search() {
    const words = query.value.trim();
    if (!words) { found.replaceChildren(); return; }
    found.replaceChildren(h('p', { class: 'muted', text: t('loading') }));
    const result = await api('GET', `/api/communities/${cid}/roster?q=${encodeURIComponent(words)}&size=20`).catch(() => null);
    if (!result) { found.replaceChildren(h('p', { text: t('unitSearchFailed') })); return; }
    if (result.items.length === 0) { found.replaceChildren(h('p', { text: t('unitNotFound', words) })); return; }
    found.replaceChildren(h('p', { class: 'muted', text: result.total > result.items.length ? t('unitFoundMore', result.items.length, result.total) : t('unitFound', result.total) }),
      h('ul', { class: 'unit-list' }, result.items.map(u => h('li', {}, h('button', { type: 'button', class: 'secondary pick', 'data-unit': u.building + ' ' + u.unit,
        onclick: async () => {
          onPick(u);
          found.replaceChildren();
          query.value = '';
          building.value = u.building;
          await loadBuilding(u.building).catch(() => null);
          const i = units.findIndex(x => x.unit === u.unit);
          if (i >= 0) unit.value = String(i);
        } }, describe(u))))));
  }

  const el = h('fieldset', { class: 'unit-picker', 'data-picker': name }, h('legend', { text: legend }),
    h('div', { class: 'row' }, field(t('unitSearch'), query), h('button', { type: 'button', class: 'secondary', 'data-search': name, onclick: search }, t('find'))),
    found,
    h('div', { class: 'row' }, field(t('orChooseBuilding'), building), field(t('unit'), unit)));
  return { el };
}
