// Sites (allowed origins, destinations, token lifetime) and the dial plan's destinations: stored in the database,
// first filled from the configuration; every change is checked by the server and audited.
import { api } from '../api.js';
import { field, h, replace, table } from '../dom.js';
import { attempt, outcomeRegion } from '../notice.js';

function lines(text) {
  return text.split('\n').map(line => line.trim()).filter(Boolean);
}

export async function sitesPage(container) {
  const sites = h('section', { 'aria-label': 'Sites' });
  const destinations = h('section', { 'aria-label': 'Dial plan' });
  const listOutcome = outcomeRegion();
  const siteEditor = h('div');
  const destinationEditor = h('div');
  replace(container,
    h('p', { class: 'readonly-note' }, 'Filled from the configuration on the first start (liaison.sites.*,'
      + ' liaison.dial-plan.destinations); changes here apply to the next token and the next call.'),
    listOutcome,
    h('h2', {}, 'Customer sites'), sites,
    h('p', {}, h('button', { type: 'button', onclick: () => editSite(null) }, 'New site')), siteEditor,
    h('h2', {}, 'Dial plan destinations'), destinations,
    h('p', {}, h('button', { type: 'button', onclick: () => editDestination(null) }, 'New destination')),
    destinationEditor);
  let plan = [];

  async function load() {
    const [siteList, destinationList] = await Promise.all([api('GET', '/sites'), api('GET', '/dial-plan/destinations')]);
    plan = destinationList;
    replace(sites, table('Sites that embed the SDK', ['Site', 'Allowed origins', 'Destinations', 'Token lifetime', ''],
      siteList.map(s => [s.name, h('ul', {}, s.allowedOrigins.map(o => h('li', {}, h('code', {}, o)))),
        s.destinations.join(', '), `${s.tokenTtlSeconds} s`,
        h('span', { class: 'inline' },
          h('button', { type: 'button', 'aria-label': `Edit site ${s.name}`, onclick: () => editSite(s) }, 'Edit'),
          h('button', { type: 'button', 'aria-label': `Delete site ${s.name}`, onclick: () => remove(`/sites/${encodeURIComponent(s.name)}`, `Site ${s.name} deleted.`) }, 'Delete'))]),
      i => ({ 'data-site': siteList[i].name })));
    replace(destinations, table('Where a call to a destination goes', ['Destination', 'Target', ''],
      plan.map(d => [d.name, h('code', {}, d.target),
        h('span', { class: 'inline' },
          h('button', { type: 'button', 'aria-label': `Edit destination ${d.name}`, onclick: () => editDestination(d) }, 'Edit'),
          h('button', { type: 'button', 'aria-label': `Delete destination ${d.name}`, onclick: () => remove(`/dial-plan/destinations/${encodeURIComponent(d.name)}`, `Destination ${d.name} deleted.`) }, 'Delete'))]),
      i => ({ 'data-destination': plan[i].name })));
  }

  async function remove(path, doneText) {
    if (await attempt(listOutcome, async () => { await api('DELETE', path); return true; }, doneText)) {
      await load();
    }
  }

  function editSite(site) {
    const name = h('input', { type: 'text', name: 'name', required: true, autocomplete: 'off', readOnly: !!site,
      value: site?.name || '' });
    const origins = h('textarea', { name: 'allowedOrigins', rows: 3, cols: 50, required: true,
      value: (site?.allowedOrigins || []).join('\n') });
    const boxes = plan.map(d => h('input', { type: 'checkbox', name: 'destinations', value: d.name,
      id: `dest-${d.name.replace(/[^A-Za-z0-9-]/g, '_')}-${Math.random().toString(36).slice(2, 7)}`,
      checked: (site?.destinations || []).includes(d.name) }));
    const ttl = h('input', { type: 'number', name: 'tokenTtlSeconds', min: 1, max: 3600, placeholder: '300',
      value: site?.tokenTtlSeconds ?? '' });
    const outcome = outcomeRegion();
    const title = site ? `Edit site ${site.name}` : 'New site';
    const form = h('form', { class: 'editor', 'aria-label': title },
      h('h3', {}, title),
      field('Site name', name, 'lower-case letters, digits and -, the token\'s site claim'),
      field('Allowed origins (one per line)', origins, 'scheme, lower-case host, optional port: https://shop.example.com'),
      h('fieldset', {}, h('legend', {}, 'Destinations its customers may call'),
        boxes.length ? boxes.map(box => h('label', { for: box.id, class: 'inline' }, box, ` ${box.value} `))
          : h('p', {}, 'The dial plan has no destination yet.')),
      field('Token lifetime (seconds)', ttl, '1 to 3600, default 300'),
      h('button', { type: 'submit', class: 'primary' }, site ? 'Save site' : 'Create site'),
      outcome);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const body = { allowedOrigins: lines(origins.value), destinations: boxes.filter(b => b.checked).map(b => b.value),
        tokenTtlSeconds: ttl.value === '' ? null : Number(ttl.value) };
      const saved = await attempt(outcome, () => api('PUT', `/sites/${encodeURIComponent(name.value.trim())}`, body),
        s => `Site ${s.name} saved.`);
      origins.setAttribute('aria-invalid', String(!saved && outcome.querySelector('.problem')?.dataset.field === 'allowedOrigins'));
      if (saved) {
        await load();
      }
    });
    replace(siteEditor, form);
    (site ? origins : name).focus();
  }

  function editDestination(destination) {
    const name = h('input', { type: 'text', name: 'name', required: true, autocomplete: 'off',
      readOnly: !!destination, value: destination?.name || '' });
    const target = h('input', { type: 'text', name: 'target', required: true, size: 50, autocomplete: 'off',
      value: destination?.target || '' });
    const outcome = outcomeRegion();
    const title = destination ? `Edit destination ${destination.name}` : 'New destination';
    const form = h('form', { class: 'editor', 'aria-label': title },
      h('h3', {}, title),
      field('Destination name', name, 'what a page calls: letters, digits, . _ @ + : / -'),
      field('Target', target, 'sip:user@host (an allowed SIP target), ws-sip:<user>, client:<subject> or a session id'),
      h('button', { type: 'submit', class: 'primary' }, destination ? 'Save destination' : 'Create destination'),
      outcome);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const saved = await attempt(outcome,
        () => api('PUT', `/dial-plan/destinations/${encodeURIComponent(name.value.trim())}`, { target: target.value.trim() }),
        d => `Destination ${d.name} saved.`);
      if (saved) {
        await load();
      }
    });
    replace(destinationEditor, form);
    (destination ? target : name).focus();
  }

  try {
    await load();
  } catch (error) {
    attempt(listOutcome, () => Promise.reject(error));
  }
}
