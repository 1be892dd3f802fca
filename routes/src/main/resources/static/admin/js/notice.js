// What the console says after an action: a problem (with its stable code) or a confirmation, in a live region.
import { h, replace } from './dom.js';

/** A live region for the outcome of a form; screen readers hear what it gets. */
export function outcomeRegion() {
  return h('div', { class: 'outcome', role: 'status', 'aria-live': 'polite' });
}

/** Shows an ApiError: its code, detail, the column of an expression error, and each field at fault. */
export function showProblem(region, error) {
  const problem = error.problem || {};
  const fields = Array.isArray(problem.errors) ? problem.errors : [];
  replace(region, h('div', { class: 'problem', role: 'alert', 'data-code': error.code, 'data-field': problem.field },
    h('strong', {}, 'Not saved: '), error.message, ' ', h('code', {}, `(${error.code})`),
    problem.column ? h('span', {}, ` at column ${problem.column}`) : null,
    problem.field ? h('span', {}, ` (field ${problem.field})`) : null,
    fields.length ? h('ul', {}, fields.map(f => h('li', {}, h('code', {}, f.field), ' ', f.message))) : null));
}

/** Shows that an action succeeded. */
export function showDone(region, text) {
  replace(region, h('p', { class: 'status' }, text));
}

/** Runs an action, showing its problem or its success in the region; resolves to its result or undefined. */
export async function attempt(region, action, doneText) {
  try {
    const result = await action();
    if (doneText) {
      showDone(region, typeof doneText === 'function' ? doneText(result) : doneText);
    }
    return result;
  } catch (error) {
    if (!error.code) {
      throw error;
    }
    showProblem(region, error);
    return undefined;
  }
}
