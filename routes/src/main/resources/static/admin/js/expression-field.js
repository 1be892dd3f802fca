// A target-expression input checked as the admin types: POST /api/v1/expressions/check answers the canonical form or
// a 400 problem with the column of the error, which is shown under the input with a caret.
import { api } from './api.js';
import { h, replace, uid } from './dom.js';

const DELAY_MS = 250;

/**
 * An expression field: {element} to place in a form, {input}, and {check()} resolving to whether the text parses.
 * {optional}: an empty text is valid (and not sent).
 */
export function expressionField(labelText, { value = '', optional = false, hint, name } = {}) {
  const input = h('input', { type: 'text', id: uid('expr'), value, name, spellcheck: false, autocomplete: 'off',
    class: 'expression', required: !optional, size: 60 });
  const feedback = h('div', { class: 'feedback', id: uid('expr-feedback'), 'aria-live': 'polite' });
  const hintEl = h('span', { class: 'hint', id: uid('hint') },
    hint || 'A target expression, e.g. skills HAS \'billing\' AND proficiency.billing >= 5');
  input.setAttribute('aria-describedby', `${hintEl.id} ${feedback.id}`);
  let timer = null;
  let latest = 0;
  let state = Promise.resolve(true);

  async function check() {
    const text = input.value;
    const ticket = ++latest;
    if (text.trim() === '') {
      input.removeAttribute('aria-invalid');
      feedback.className = 'feedback';
      replace(feedback, optional ? '' : 'Required.');
      if (!optional) {
        input.setAttribute('aria-invalid', 'true');
        feedback.className = 'feedback bad';
      }
      return optional;
    }
    try {
      const result = await api('POST', '/expressions/check', { expression: text });
      if (ticket === latest) {
        input.setAttribute('aria-invalid', 'false');
        feedback.className = 'feedback ok';
        feedback.dataset.state = 'valid';
        replace(feedback, 'Valid: ', h('code', {}, result.canonical));
      }
      return true;
    } catch (error) {
      if (ticket !== latest) {
        return false;
      }
      feedback.className = 'feedback bad';
      input.setAttribute('aria-invalid', 'true');
      if (error.code === 'expression.invalid') {
        const column = error.problem.column || 1;
        feedback.dataset.state = 'invalid';
        feedback.dataset.column = String(column);
        replace(feedback,
          h('span', {}, `Error at column ${column}: ${error.message}`),
          h('pre', { 'aria-hidden': 'true' }, text, '\n', ' '.repeat(Math.max(0, column - 1)) + '^'));
      } else {
        feedback.dataset.state = 'unchecked';
        replace(feedback, `Could not check the expression: ${error.message} (${error.code})`);
      }
      return false;
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    delete feedback.dataset.state;
    timer = setTimeout(() => { state = check(); }, DELAY_MS);
  });
  if (value) {
    state = check();
  }

  const element = h('div', { class: 'field' }, h('label', { for: input.id }, labelText), input, hintEl, feedback);
  return {
    element,
    input,
    get value() { return input.value.trim(); },
    /** Checks now (skipping the typing delay); resolves to whether the text is acceptable. */
    async valid() {
      clearTimeout(timer);
      state = check();
      return state;
    },
  };
}
