// Sites, their allowed origins and destinations, and the dial plan: read-only, they are configuration properties.
import { api } from '../api.js';
import { h, replace, table } from '../dom.js';
import { showProblem } from '../notice.js';

export async function sitesPage(container) {
  const outcome = h('div', { role: 'status' });
  const sites = h('section', { 'aria-label': 'Sites' });
  const destinations = h('section', { 'aria-label': 'Dial plan' });
  replace(container,
    h('p', { class: 'readonly-note' }, 'Set in the configuration (liaison.sites.* and liaison.dial-plan.destinations,'
      + ' docs/configuration.md) and checked at startup; shown here read-only.'),
    outcome, h('h2', {}, 'Customer sites'), sites, h('h2', {}, 'Dial plan destinations'), destinations);
  try {
    const [siteList, plan] = await Promise.all([api('GET', '/sites'), api('GET', '/dial-plan/destinations')]);
    replace(sites, table('Sites that embed the SDK', ['Site', 'Allowed origins', 'Destinations', 'Token lifetime'],
      siteList.map(s => [s.name, h('ul', {}, s.allowedOrigins.map(o => h('li', {}, h('code', {}, o)))),
        s.destinations.join(', '), `${s.tokenTtlSeconds} s`]),
      i => ({ 'data-site': siteList[i].name })));
    replace(destinations, table('Where a call to a destination goes', ['Destination', 'Target'],
      plan.map(d => [d.name, h('code', {}, d.target)]), i => ({ 'data-destination': plan[i].name })));
  } catch (error) {
    showProblem(outcome, error);
  }
}
